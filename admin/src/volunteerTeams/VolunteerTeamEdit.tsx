import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { VolunteerTeamInputs } from './VolunteerTeamInputs';

/** Teams are not deleted (their hours stay on record): no delete button. */
const Toolbar_ = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Pessimistic: a stale version is a CONFLICT that must reach the form. */
export const VolunteerTeamEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<Toolbar_ />} sx={{ maxWidth: 960 }}>
      <VolunteerTeamInputs />
    </SimpleForm>
  </Edit>
);
