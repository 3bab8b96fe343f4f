import { Stack } from '@mui/material';
import {
  BooleanField,
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { SectionTitle } from '../common/SectionTitle';
import { assignmentStatusChoices } from '../choices';
import { ShiftTimeField } from '../shiftAssignments/ShiftTimeField';
import { CalendarFeedButton } from '../volunteerTeams/CalendarFeedButton';
import type { ShiftAssignment } from '../records';
import { SkillsField } from './SkillsField';
import { TeamChips } from './TeamChips';

const Actions = () => (
  <TopToolbar>
    <CalendarFeedButton kind="volunteer" />
    <EditButton />
  </TopToolbar>
);

/** A volunteer with their teams and sign-ups (newest campaigns' shifts in arrival order). */
export const VolunteerShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" variant="h6" />
      <Stack direction="row" spacing={4}>
        <Labeled source="phone">
          <TextField source="phone" emptyText="—" />
        </Labeled>
        <Labeled source="isModelWorker">
          <BooleanField source="isModelWorker" />
        </Labeled>
        <Labeled source="updatedAt">
          <DateField source="updatedAt" showTime />
        </Labeled>
        <Labeled source="version">
          <NumberField source="version" />
        </Labeled>
      </Stack>
      <TeamChips source="teamIds" label="resources.volunteers.fields.teams" />
      <SkillsField source="skills" />
      <SectionTitle title="resources.volunteers.sections.assignments" />
      <ReferenceManyField reference="shiftAssignments" target="volunteerId" perPage={25} pagination={<Pagination />}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="shift.campaign.name" label="resources.shiftAssignments.fields.campaign" sortable={false} />
          <TextField source="shift.station.name" label="resources.shiftAssignments.fields.station" sortable={false} />
          <ShiftTimeField label="resources.shiftAssignments.fields.shift" />
          <SelectField source="status" choices={assignmentStatusChoices} sortable={false} />
          <FunctionField<ShiftAssignment> source="hoursCredited" sortable={false} render={(a) => (a.hoursCredited == null ? '—' : a.hoursCredited.toFixed(1))} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
