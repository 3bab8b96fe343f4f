import { Create, Loading, SimpleForm, useGetIdentity } from 'react-admin';
import type { Identity } from '../auth';
import { StationInputs } from './StationInputs';

const defaultValues = { kind: 'LOVE_STATION', status: 'ACTIVE', timezone: 'Asia/Shanghai', amenities: [], location: null };

/**
 * A new station. An OPERATOR's station must be operated or hosted by one of their organizations (the API
 * checks it), so the operating union starts as their first organization.
 */
export const StationCreate = () => {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return <Loading />;
  const { role, organizations = [] } = (identity ?? {}) as Partial<Identity>;
  const operatorOrganizationId = role === 'OPERATOR' ? (organizations[0]?.id ?? null) : null;
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ ...defaultValues, operatorOrganizationId }}>
        <StationInputs />
      </SimpleForm>
    </Create>
  );
};
