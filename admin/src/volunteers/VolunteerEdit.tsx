import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { VolunteerInputs } from './VolunteerInputs';

/** Volunteers are not deleted (their sign-ups and hours stay on record). */
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const VolunteerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 960 }}>
      <VolunteerInputs />
    </SimpleForm>
  </Edit>
);
