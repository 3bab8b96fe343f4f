import { Chip, Stack } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import type { User } from '../records';

/** The user's organizations by name (the list query already carries them). */
export const OrganizationChips = (_props: Partial<FieldProps<User>>) => {
  const record = useRecordContext<User>();
  if (!record) return null;
  if (record.organizations.length === 0) return <>—</>;
  return (
    <Stack direction="row" flexWrap="wrap" gap={0.5}>
      {record.organizations.map((o) => (
        <Chip key={o.id} size="small" variant="outlined" label={o.name} />
      ))}
    </Stack>
  );
};
