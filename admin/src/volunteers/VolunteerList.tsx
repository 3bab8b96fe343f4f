import { AutocompleteInput, BooleanField, CreateButton, Datagrid, List, ReferenceInput, SearchInput, TextField, TopToolbar } from 'react-admin';
import { SkillsField } from './SkillsField';
import { TeamChips } from './TeamChips';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="teamId" source="teamId" reference="volunteerTeams" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Volunteers by name. Phones are shown as the API returns them (masked unless the viewer coordinates their team). */
export const VolunteerList = () => (
  <List filters={filters} actions={<Actions />} perPage={25} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <TextField source="phone" sortable={false} emptyText="—" />
      <TeamChips source="teamIds" label="resources.volunteers.fields.teams" sortable={false} />
      <SkillsField source="skills" sortable={false} />
      <BooleanField source="isModelWorker" sortable={false} />
    </Datagrid>
  </List>
);
