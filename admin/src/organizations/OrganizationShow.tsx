import {
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyCount,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  DeleteButton,
} from 'react-admin';
import { HistoryPanel } from '../audit/HistoryPanel';
import { can, useRole } from '../auth';
import { organizationKindChoices, stationKindChoices, stationStatusChoices } from '../choices';
import { AmenitiesField } from '../stations/AmenitiesField';
import type { Organization } from '../records';

/** Stations whose `target` (hostOrganizationId or operatorOrganizationId) is this organization. */
const StationsOf = ({ target }: { target: string }) => (
  <ReferenceManyField reference="stations" target={target} sort={{ field: 'name', order: 'ASC' }} perPage={10} pagination={<Pagination />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <SelectField source="kind" choices={stationKindChoices} />
      <SelectField source="status" choices={stationStatusChoices} />
      <TextField source="region.name" label="resources.stations.fields.regionCode" sortBy="regionCode" />
      <AmenitiesField source="amenities" sortable={false} max={5} />
    </Datagrid>
  </ReferenceManyField>
);

/** Only an ADMIN may change or delete organizations; others see no actions. */
const OrganizationShowActions = () => {
  const role = useRole();
  return (
    <TopToolbar>
      {can.editOrganizations(role) && <EditButton />}
      {can.deleteOrganizations(role) && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};

export const OrganizationShow = () => {
  const role = useRole();
  return (
    <Show actions={<OrganizationShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.organizations.tabs.summary">
          <TextField source="name" />
          <SelectField source="kind" choices={organizationKindChoices} />
          <ReferenceField source="parentId" reference="organizations" link="show" emptyText="—" />
          <FunctionField<Organization>
            source="regionCode"
            render={(record) => (record.region ? `${record.region.name}（${record.region.code}）` : record.regionCode ?? '—')}
          />
          <DateField source="createdAt" showTime />
          <DateField source="updatedAt" showTime />
          <NumberField source="version" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab
          label="resources.organizations.tabs.hosted"
          count={<ReferenceManyCount reference="stations" target="hostOrganizationId" />}
          path="hosted"
        >
          <StationsOf target="hostOrganizationId" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab
          label="resources.organizations.tabs.operated"
          count={<ReferenceManyCount reference="stations" target="operatorOrganizationId" />}
          path="operated"
        >
          <StationsOf target="operatorOrganizationId" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.organizations.tabs.children" path="children">
          <ReferenceManyField reference="organizations" target="parentId" sort={{ field: 'name', order: 'ASC' }} pagination={<Pagination />}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" />
              <SelectField source="kind" choices={organizationKindChoices} />
              <TextField source="region.name" label="resources.organizations.fields.regionCode" sortBy="regionCode" />
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        {role === 'ADMIN' && (
          <TabbedShowLayout.Tab label="resources.organizations.tabs.history" path="history">
            <HistoryPanel entityType="Organization" />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};
