import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  DateField,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { roleChoices } from '../choices';
import { OrganizationChips } from './OrganizationChips';
import { UserStatusField } from './UserStatusField';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn sx={{ minWidth: 160 }} />,
  <NullableBooleanInput key="disabled" source="disabled" alwaysOn sx={{ minWidth: 140 }} />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

const UserListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Staff accounts (ADMIN), ordered by username (the API has no other order). */
export const UserList = () => (
  <List filters={userFilters} actions={<UserListActions />} perPage={25} sort={{ field: 'username', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <SelectField source="role" choices={roleChoices} sortable={false} />
      <OrganizationChips source="organizationIds" label="resources.users.fields.organizations" sortable={false} />
      <UserStatusField source="disabled" label="resources.apiKeys.fields.status" sortable={false} />
      <DateField source="lastLoginAt" showTime sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
