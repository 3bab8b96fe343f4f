import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { ShiftInputs } from './ShiftInputs';

/** Delete works only for a shift that never had a sign-up (CONFLICT otherwise, with the API's reason). */
const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" redirect="list" />
  </Toolbar>
);

export const ShiftEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 960 }}>
      <ShiftInputs edit />
    </SimpleForm>
  </Edit>
);
