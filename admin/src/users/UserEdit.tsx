import { Stack } from '@mui/material';
import {
  DateField,
  Edit,
  Labeled,
  NumberField,
  SaveButton,
  SimpleForm,
  Toolbar,
  TopToolbar,
  useGetIdentity,
  useRecordContext,
} from 'react-admin';
import type { User } from '../records';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserEditInputs } from './UserInputs';
import { UserStatusField } from './UserStatusField';

const UserEditActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
  </TopToolbar>
);

/** Accounts are disabled, not deleted (the audit log names them): no delete button. */
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const UserEditForm = () => {
  const record = useRecordContext<User>();
  const { identity } = useGetIdentity();
  const self = record != null && identity?.id === record.id;
  return (
    <SimpleForm toolbar={<UserEditToolbar />} sx={{ maxWidth: 960 }}>
      <UserEditInputs self={self} />
      <Stack direction="row" spacing={4} sx={{ mt: 1 }}>
        <Labeled source="disabled" label="resources.apiKeys.fields.status">
          <UserStatusField />
        </Labeled>
        <Labeled source="lastLoginAt">
          <DateField source="lastLoginAt" showTime emptyText="—" />
        </Labeled>
        <Labeled source="createdAt">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled source="version">
          <NumberField source="version" />
        </Labeled>
      </Stack>
    </SimpleForm>
  );
};

/** Pessimistic like the other edits: a stale version is a CONFLICT that must reach the form. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" actions={<UserEditActions />}>
    <UserEditForm />
  </Edit>
);
