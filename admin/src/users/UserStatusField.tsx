import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { User } from '../records';

/** 正常 / 已停用, and a hint when the user still has to replace a one-time password. */
export const UserStatusField = (_props: Partial<FieldProps<User>>) => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" gap={0.5} flexWrap="wrap">
      <Chip
        size="small"
        color={record.disabled ? 'default' : 'success'}
        variant={record.disabled ? 'outlined' : 'filled'}
        label={translate(record.disabled ? 'resources.users.status.disabled' : 'resources.users.status.active')}
      />
      {record.mustChangePassword && !record.disabled && (
        <Chip size="small" color="warning" variant="outlined" label={translate('resources.users.fields.mustChangePassword')} />
      )}
    </Stack>
  );
};
