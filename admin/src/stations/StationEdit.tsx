import { Edit, Navigate, SimpleForm, useCreatePath, useRecordContext } from 'react-admin';
import type { Station } from '../records';
import { StationInputs } from './StationInputs';

/** The form, or back to the show page when the viewer may not edit this station (e.g. a typed-in URL). */
const StationEditForm = () => {
  const record = useRecordContext<Station>();
  const createPath = useCreatePath();
  if (record && !record.viewerCanEdit) return <Navigate to={createPath({ resource: 'stations', id: record.id, type: 'show' })} replace />;
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
