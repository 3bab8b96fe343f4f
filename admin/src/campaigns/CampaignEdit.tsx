import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { CampaignInputs } from './CampaignInputs';

/** Campaigns are closed (status CLOSED), not deleted. */
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const CampaignEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 1100 }}>
      <CampaignInputs />
    </SimpleForm>
  </Edit>
);
