import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import type { Station } from '../records';
import { StationEditDenied } from './StationEditDenied';
import { StationInputs } from './StationInputs';

/** The form, or why the viewer may not edit this station (e.g. a typed-in URL), with a link to its page. */
const StationEditForm = () => {
  const record = useRecordContext<Station>();
  if (record && !record.viewerCanEdit) return <StationEditDenied id={record.id} reason="not_yours" />;
  return (
    <SimpleForm>
      <StationInputs />
    </SimpleForm>
  );
};

/**
 * Pessimistic: the API checks the record's version, and a CONFLICT or a field error must reach
 * the form before the page moves on (react-admin's server-side validation needs this mode).
 */
export const StationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <StationEditForm />
  </Edit>
);
