import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  useGetOne,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { formatShiftTime } from '../scheduling/time';
import { SkillsField } from '../volunteers/SkillsField';
import type { Campaign, Shift } from '../records';
import { FillChip } from './FillChip';

/** The station filter offers the chosen campaign's service points. */
const StationFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const { filterValues } = useListContext();
  const { data: campaign } = useGetOne<Campaign>('campaigns', { id: filterValues.campaignId }, { enabled: Boolean(filterValues.campaignId) });
  return <SelectInput {...props} choices={(campaign?.stations ?? []).map((s) => ({ id: s.id, name: s.name }))} sx={{ minWidth: 200 }} label="resources.shifts.fields.station" />;
};

const filters = [
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 280 }} label="resources.shifts.fields.campaign" />
  </ReferenceInput>,
  <StationFilter key="stationId" source="stationId" alwaysOn />,
];

const Actions = () => {
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      <CreateButton to={{ pathname: '/shifts/create', search: filterValues.campaignId ? `?campaignId=${filterValues.campaignId}` : '' }} />
    </TopToolbar>
  );
};

/** The API lists the shifts of one campaign: until one is chosen the list explains that. */
const Empty = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ m: 2 }}>
      {translate('resources.shifts.helper.choose_campaign')}
    </Alert>
  );
};

const ShiftGrid = () => {
  const { filterValues } = useListContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!filterValues.campaignId) return <Empty />;
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="station.name" label="resources.shifts.fields.station" sortable={false} />
      <FunctionField<Shift>
        label="resources.shifts.fields.time"
        render={(s) => formatShiftTime(s.startsAt, s.endsAt, s.campaign.timezone, locale, translate('yizhan.scheduling.next_day'))}
      />
      <TextField source="role" sortable={false} />
      <FunctionField<Shift>
        label="resources.shifts.fields.filledCount"
        render={(s) => <FillChip filled={s.filledCount} minimum={s.minVolunteers} capacity={s.maxVolunteers} waitlist={s.waitlistCount} />}
      />
      <NumberField source="minVolunteers" sortable={false} />
      <SkillsField source="requiredSkills" sortable={false} />
    </Datagrid>
  );
};

/** Shifts of one campaign by start (the campaign page has the calendar). */
export const ShiftList = () => (
  <List filters={filters} actions={<Actions />} perPage={50} sort={{ field: 'startsAt', order: 'ASC' }} empty={false}>
    <ShiftGrid />
  </List>
);
