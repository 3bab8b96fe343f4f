import {
  AutocompleteInput,
  BulkDeleteButton,
  Datagrid,
  DateField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  TextField,
} from 'react-admin';
import { can, useRole } from '../auth';
import { organizationKindChoices } from '../choices';

const organizationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="kinds" source="kinds" choices={organizationKindChoices} sx={{ minWidth: 180 }} alwaysOn />,
  <ReferenceInput key="regionCodePrefix" source="regionCodePrefix" reference="regions">
    <AutocompleteInput sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

export const OrganizationList = () => {
  const role = useRole();
  return (
    <List filters={organizationFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={can.deleteOrganizations(role) ? <BulkDeleteButton mutationMode="pessimistic" /> : false}>
        <TextField source="name" />
        <SelectField source="kind" choices={organizationKindChoices} />
        <ReferenceField source="parentId" reference="organizations" link="show" sortable={false} emptyText="—" />
        <TextField source="region.name" sortBy="regionCode" label="resources.organizations.fields.regionCode" emptyText="—" />
        <DateField source="updatedAt" showTime />
      </Datagrid>
    </List>
  );
};
