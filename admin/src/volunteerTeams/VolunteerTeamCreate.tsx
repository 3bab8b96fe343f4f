import { Create, SimpleForm } from 'react-admin';
import { VolunteerTeamInputs } from './VolunteerTeamInputs';

const defaultValues = { kind: 'UNION', memberIds: [] };

export const VolunteerTeamCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm defaultValues={defaultValues} sx={{ maxWidth: 960 }}>
      <VolunteerTeamInputs />
    </SimpleForm>
  </Create>
);
