import { Create, SimpleForm } from 'react-admin';
import { StationInputs } from './StationInputs';

const defaultValues = { kind: 'LOVE_STATION', status: 'ACTIVE', timezone: 'Asia/Shanghai', amenities: [], location: null };

export const StationCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaultValues}>
      <StationInputs />
    </SimpleForm>
  </Create>
);
