import { Stack } from '@mui/material';
import {
  BooleanField,
  Datagrid,
  DateField,
  EditButton,
  Labeled,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { SectionTitle } from '../common/SectionTitle';
import { volunteerTeamKindChoices } from '../choices';
import type { VolunteerTeam } from '../records';
import { SkillsField } from '../volunteers/SkillsField';
import { CalendarFeedButton } from './CalendarFeedButton';
import { HoursTable } from '../campaigns/HoursPanel';

const Actions = () => (
  <TopToolbar>
    <CalendarFeedButton kind="team" />
    <EditButton />
  </TopToolbar>
);

/** A team with its members (phones as the API gives them) and the hours its members were credited. */
export const VolunteerTeamShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" variant="h6" />
      <Stack direction="row" spacing={4}>
        <Labeled source="kind">
          <SelectField source="kind" choices={volunteerTeamKindChoices} />
        </Labeled>
        <Labeled source="organizationId" label="resources.volunteerTeams.fields.organization">
          <ReferenceField source="organizationId" reference="organizations" link="show" />
        </Labeled>
        <Labeled source="regionCode">
          <ReferenceField source="regionCode" reference="regions" link={false} emptyText="—" />
        </Labeled>
      </Stack>
      <Stack direction="row" spacing={4}>
        <Labeled source="leader" label="resources.volunteerTeams.fields.leader">
          <TextField source="leader.name" emptyText="—" />
        </Labeled>
        <Labeled source="contact">
          <TextField source="contact" emptyText="—" />
        </Labeled>
        <Labeled source="memberCount">
          <NumberField source="memberCount" />
        </Labeled>
        <Labeled source="updatedAt">
          <DateField source="updatedAt" showTime />
        </Labeled>
      </Stack>
      <SectionTitle title="resources.volunteerTeams.sections.members" />
      <ReferenceManyField reference="volunteers" target="teamId" perPage={25} pagination={<Pagination />}>
        <Datagrid rowClick="show" bulkActionButtons={false} data-testid="team-members">
          <TextField source="name" sortable={false} />
          <TextField source="phone" sortable={false} emptyText="—" />
          <SkillsField source="skills" sortable={false} />
          <BooleanField source="isModelWorker" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
      <SectionTitle title="yizhan.scheduling.hours.title" />
      <TeamMemberHours />
    </SimpleShowLayout>
  </Show>
);

/** The 优秀志愿者 list of this team's members, over all campaigns. */
const TeamMemberHours = () => {
  const record = useRecordContext<VolunteerTeam>();
  return record ? <HoursTable teamId={record.id} /> : null;
};
