import { Create, SimpleForm } from 'react-admin';
import { UserCreateInputs } from './UserInputs';

const defaultValues = { role: 'OPERATOR', organizationIds: [], mustChangePassword: true };

/** A new staff account; by default the user must choose their own password at first sign-in. */
export const UserCreate = () => (
  <Create redirect="list" mutationMode="pessimistic">
    <SimpleForm defaultValues={defaultValues} sx={{ maxWidth: 960 }}>
      <UserCreateInputs />
    </SimpleForm>
  </Create>
);
