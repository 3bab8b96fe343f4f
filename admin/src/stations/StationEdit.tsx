import { Edit, SimpleForm } from 'react-admin';
import { StationInputs } from './StationInputs';

/**
 * Pessimistic: the API checks the record's version, and a CONFLICT or a field error must reach
 * the form before the page moves on (react-admin's server-side validation needs this mode).
 */
export const StationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <StationInputs />
    </SimpleForm>
  </Edit>
);
