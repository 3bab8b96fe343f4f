import { CreateButton, Datagrid, FunctionField, List, NumberField, SelectField, SelectInput, TextField, TopToolbar } from 'react-admin';
import { can, useRole } from '../auth';
import { campaignKindChoices, campaignStatusChoices } from '../choices';
import { formatInstant } from '../scheduling/time';
import type { Campaign } from '../records';
import { CampaignStatusChip } from './CampaignStatusChip';

const filters = [<SelectInput key="status" source="status" choices={campaignStatusChoices} alwaysOn sx={{ minWidth: 160 }} />];

const Actions = () => {
  const role = useRole();
  return <TopToolbar>{can.manageScheduling(role) && <CreateButton />}</TopToolbar>;
};

/** Campaigns, newest first; an OPERATOR reads them all, a COORDINATOR those of their organizations and teams. */
export const CampaignList = () => (
  <List filters={filters} actions={<Actions />} perPage={25} sort={{ field: 'startsAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <SelectField source="kind" choices={campaignKindChoices} sortable={false} />
      <FunctionField<Campaign> source="status" sortable={false} render={(c) => <CampaignStatusChip status={c.status} />} />
      <FunctionField<Campaign> source="startsAt" sortable={false} render={(c) => formatInstant(c.startsAt, c.timezone)} />
      <FunctionField<Campaign> source="endsAt" sortable={false} render={(c) => formatInstant(c.endsAt, c.timezone)} />
      <FunctionField<Campaign> source="stations" label="resources.campaigns.fields.pointCount" sortable={false} render={(c) => c.stations.length} />
      <FunctionField<Campaign> source="organizations" sortable={false} render={(c) => c.organizations.map((o) => o.name).join('、') || '—'} />
      <NumberField source="peopleServed" sortable={false} />
    </Datagrid>
  </List>
);
