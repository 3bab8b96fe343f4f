import { Create, SimpleForm } from 'react-admin';
import { CampaignInputs } from './CampaignInputs';

const defaultValues = {
  kind: 'HARVEST_SUPPORT',
  status: 'PLANNED',
  timezone: 'Asia/Shanghai',
  goals: [],
  organizationIds: [],
  teamIds: [],
  stationIds: [],
};

/** A new campaign (a COORDINATOR names one of their organizations); its page then plans the shifts. */
export const CampaignCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm defaultValues={defaultValues} sx={{ maxWidth: 1100 }}>
      <CampaignInputs />
    </SimpleForm>
  </Create>
);
