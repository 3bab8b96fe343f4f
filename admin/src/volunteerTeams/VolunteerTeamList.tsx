import { CreateButton, Datagrid, List, NumberField, SearchInput, SelectField, TextField, TopToolbar } from 'react-admin';
import { volunteerTeamKindChoices } from '../choices';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Teams by name (the API's only order); a COORDINATOR sees the teams of their organizations. */
export const VolunteerTeamList = () => (
  <List filters={filters} actions={<Actions />} perPage={25} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <SelectField source="kind" choices={volunteerTeamKindChoices} sortable={false} />
      <TextField source="organization.name" label="resources.volunteerTeams.fields.organization" sortable={false} />
      <TextField source="leader.name" label="resources.volunteerTeams.fields.leader" sortable={false} emptyText="—" />
      <NumberField source="memberCount" sortable={false} />
      <TextField source="contact" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
