import { Edit, SimpleForm } from 'react-admin';
import { OrganizationInputs } from './OrganizationInputs';

/** Pessimistic, like StationEdit: a stale version comes back as CONFLICT and must reach the user. */
export const OrganizationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }}>
      <OrganizationInputs />
    </SimpleForm>
  </Edit>
);
