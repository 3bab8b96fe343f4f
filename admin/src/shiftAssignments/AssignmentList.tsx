import {
  AutocompleteInput,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useRefresh,
  type FieldProps,
} from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { assignmentStatusChoices } from '../choices';
import { invalidateScheduling } from '../scheduling/queries';
import { formatInstant } from '../scheduling/time';
import type { ShiftAssignment } from '../records';
import { AssignmentActions } from './AssignmentActions';
import { AssignmentStatusChip } from './AssignmentStatusChip';
import { ShiftTimeField } from './ShiftTimeField';
import { AssignmentExportButton } from '../exports/ExportMenuButton';

const filters = [
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={assignmentStatusChoices} alwaysOn sx={{ minWidth: 160 }} />,
  <ReferenceInput key="volunteerId" source="volunteerId" reference="volunteers">
    <AutocompleteInput sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

const StatusField = (_props: Partial<FieldProps<ShiftAssignment>>) => {
  const record = useRecordContext<ShiftAssignment>();
  return record ? <AssignmentStatusChip status={record.status} /> : null;
};

const ActionsField = (_props: Partial<FieldProps<ShiftAssignment>>) => {
  const record = useRecordContext<ShiftAssignment>();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  if (!record) return null;
  return (
    <AssignmentActions
      assignment={record}
      started={new Date(record.shift.startsAt) <= new Date()}
      onChanged={() => {
        void invalidateScheduling(queryClient, record.shift.campaign.id);
        refresh();
      }}
    />
  );
};

/** Sign-ups (ADMIN; a COORDINATOR: their campaigns'), in arrival order, with their actions. */
export const AssignmentList = () => (
  <List
    filters={filters}
    perPage={25}
    sort={{ field: 'seq', order: 'ASC' }}
    actions={
      <TopToolbar>
        <AssignmentExportButton />
      </TopToolbar>
    }
    empty={false}
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="volunteer.name" label="resources.shiftAssignments.fields.volunteer" sortable={false} />
      <TextField source="volunteer.phone" label="resources.volunteers.fields.phone" sortable={false} emptyText="—" />
      <TextField source="shift.campaign.name" label="resources.shiftAssignments.fields.campaign" sortable={false} />
      <TextField source="shift.station.name" label="resources.shiftAssignments.fields.station" sortable={false} />
      <ShiftTimeField label="resources.shiftAssignments.fields.shift" />
      <TextField source="shift.role" label="resources.shifts.fields.role" sortable={false} />
      <StatusField source="status" label="resources.shiftAssignments.fields.status" sortable={false} />
      <FunctionField<ShiftAssignment> source="checkedInAt" sortable={false} render={(a) => formatInstant(a.checkedInAt, a.shift.campaign.timezone)} />
      <FunctionField<ShiftAssignment> source="checkedOutAt" sortable={false} render={(a) => formatInstant(a.checkedOutAt, a.shift.campaign.timezone)} />
      <FunctionField<ShiftAssignment> source="hoursCredited" sortable={false} render={(a) => (a.hoursCredited == null ? '—' : a.hoursCredited.toFixed(1))} />
      <ActionsField label="resources.shiftAssignments.fields.actions" />
    </Datagrid>
  </List>
);
