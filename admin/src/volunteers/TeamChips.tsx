import { Chip, Stack } from '@mui/material';
import { Link, useCreatePath, useRecordContext, type FieldProps } from 'react-admin';
import type { Volunteer } from '../records';

/** A volunteer's teams by name, each linking to the team. */
export const TeamChips = (_props: Partial<FieldProps<Volunteer>>) => {
  const record = useRecordContext<Volunteer>();
  const createPath = useCreatePath();
  if (!record) return null;
  if (!record.teams.length) return <>—</>;
  return (
    <Stack direction="row" flexWrap="wrap" gap={0.5}>
      {record.teams.map((t) => (
        <Chip
          key={t.id}
          size="small"
          variant="outlined"
          label={t.name}
          component={Link}
          to={createPath({ resource: 'volunteerTeams', id: t.id, type: 'show' })}
          onClick={(e: React.MouseEvent) => e.stopPropagation()}
          clickable
        />
      ))}
    </Stack>
  );
};
