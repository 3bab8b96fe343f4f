import { Create, SimpleForm } from 'react-admin';
import { OrganizationInputs } from './OrganizationInputs';

export const OrganizationCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={{ kind: 'UNION' }}>
      <OrganizationInputs />
    </SimpleForm>
  </Create>
);
