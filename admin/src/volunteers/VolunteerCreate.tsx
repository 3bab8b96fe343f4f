import { Create, SimpleForm } from 'react-admin';
import { VolunteerInputs } from './VolunteerInputs';

const defaultValues = { skills: [], teamIds: [], isModelWorker: false };

export const VolunteerCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm defaultValues={defaultValues} sx={{ maxWidth: 960 }}>
      <VolunteerInputs create />
    </SimpleForm>
  </Create>
);
