import Preview from '@mui/icons-material/Preview';
import Save from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Chip,
  Grid,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  ArrayInput,
  Button,
  CheckboxGroupInput,
  DateInput,
  Form,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  regex,
  required,
  SelectArrayInput,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import type { YizhanDataProvider } from '../dataProvider';
import { volunteerSkillChoices } from '../choices';
import { useInvalidateScheduling } from '../scheduling/queries';
import { formatShiftTime, inZone } from '../scheduling/time';
import { DateTime } from 'luxon';
import { roleLabel } from '../shifts/roleLabel';
import type { Campaign, ShiftPatternInput, ShiftPlan } from '../records';

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

interface PatternValues {
  fromDate: string;
  toDate: string;
  stationIds: string[];
  slots: { start: string; end: string; role?: string; minVolunteers?: number | null; maxVolunteers: number; requiredSkills?: string[] }[];
}

const notBeforeFrom: Validator = (value, values) => (value && values?.fromDate && value < values.fromDate ? 'yizhan.scheduling.plan.to_before_from' : undefined);
const minNotAboveMax: Validator = (value, values, props) => {
  // `props.source` is e.g. `slots.1.minVolunteers`: compare with the same slot's maximum.
  const index = Number(String((props as { source?: string })?.source ?? '').split('.')[1]);
  const max = values?.slots?.[index]?.maxVolunteers;
  return value != null && max != null && value > max ? 'resources.shifts.helper.min_above_max' : undefined;
};

type Slot = PatternValues['slots'][number];

/** A slot's shift on `day` (local date in `zone`): an end at or before the start is the next day, as the API reads it. */
const slotOn = (day: DateTime, slot: Slot) => {
  const [sh, sm] = slot.start.split(':').map(Number);
  const [eh, em] = slot.end.split(':').map(Number);
  const start = day.set({ hour: sh, minute: sm });
  let end = day.set({ hour: eh, minute: em });
  if (end <= start) end = end.plus({ days: 1 });
  return { start, end };
};

/**
 * The first and last days on which every slot lies inside the campaign window, so that the pre-filled pattern
 * previews without a SHIFT_OUTSIDE_CAMPAIGN (a campaign ending 2027-06-16 12:00 has no 08:00–20:00 shift that day).
 */
export const defaultDays = (campaign: Campaign, slots: Slot[]): { fromDate: string; toDate: string } => {
  const zone = campaign.timezone;
  const opens = inZone(campaign.startsAt, zone);
  const closes = inZone(campaign.endsAt, zone);
  const fits = (day: DateTime) => slots.every((s) => { const { start, end } = slotOn(day, s); return start >= opens && end <= closes; });
  let first = opens.startOf('day');
  let last = closes.minus({ milliseconds: 1 }).startOf('day');
  while (first < last && !fits(first)) first = first.plus({ days: 1 });
  while (last > first && !fits(last)) last = last.minus({ days: 1 });
  return { fromDate: first.toISODate()!, toDate: last.toISODate()! };
};

const toInput = (campaignId: string, v: PatternValues): ShiftPatternInput => ({
  campaignId,
  fromDate: v.fromDate,
  toDate: v.toDate,
  stationIds: v.stationIds,
  slots: v.slots.map((s) => ({
    start: s.start,
    end: s.end,
    role: s.role?.trim() || null,
    maxVolunteers: Number(s.maxVolunteers),
    minVolunteers: s.minVolunteers == null || (s.minVolunteers as unknown) === '' ? null : Number(s.minVolunteers),
    requiredSkills: (s.requiredSkills ?? []) as ShiftPatternInput['slots'][number]['requiredSkills'],
  })),
});

/** Preview (save: false) and Save (save: true) of the same pattern. */
const PlanButtons = ({ campaign, onPlanned }: { campaign: Campaign; onPlanned: (plan: ShiftPlan, saved: boolean) => void }) => {
  const { handleSubmit } = useFormContext<PatternValues>();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const invalidate = useInvalidateScheduling();
  const plan = useMutation({
    mutationFn: ({ values, save }: { values: PatternValues; save: boolean }) => dataProvider.planShifts(toInput(campaign.id, values), save),
    onSuccess: async (result, { save }) => {
      onPlanned(result, save);
      if (save) {
        notify('yizhan.scheduling.plan.saved', { type: 'success', messageArgs: { count: result.created } });
        await invalidate(campaign.id);
      }
    },
    onError: (e: Error) => notify(translate('yizhan.scheduling.plan.failed', { error: translate(e.message, { _: e.message }) }), { type: 'error' }),
  });
  return (
    <Stack direction="row" gap={1} sx={{ mt: 1 }}>
      <Button
        label="yizhan.scheduling.plan.preview"
        variant="outlined"
        disabled={plan.isPending}
        onClick={handleSubmit((values) => plan.mutate({ values, save: false }))}
        data-testid="plan-preview"
      >
        <Preview />
      </Button>
      <Button
        label="yizhan.scheduling.plan.save"
        variant="contained"
        disabled={plan.isPending}
        onClick={handleSubmit((values) => plan.mutate({ values, save: true }))}
        data-testid="plan-save"
      >
        <Save />
      </Button>
    </Stack>
  );
};

/** What the pattern makes: new and existing shifts (at most 300 rows shown). */
const PlanPreview = ({ campaign, plan, saved }: { campaign: Campaign; plan: ShiftPlan; saved: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const names = new Map(campaign.stations.map((s) => [s.id, s.name]));
  const fresh = plan.shifts.filter((s) => !s.existing).length;
  const shown = plan.shifts.slice(0, 300);
  return (
    <Box data-testid="plan-preview-result" data-new={fresh} data-existing={plan.shifts.length - fresh} data-created={plan.created}>
      <Alert severity={saved ? 'success' : 'info'} sx={{ mb: 1 }}>
        {saved
          ? translate('yizhan.scheduling.plan.saved_summary', { created: plan.created, existing: plan.shifts.length - plan.created })
          : translate('yizhan.scheduling.plan.preview_summary', { total: plan.shifts.length, fresh, existing: plan.shifts.length - fresh })}
      </Alert>
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 420 }}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.shifts.fields.station')}</TableCell>
              <TableCell>{translate('resources.shifts.fields.time')}</TableCell>
              <TableCell>{translate('resources.shifts.fields.role')}</TableCell>
              <TableCell>{translate('yizhan.scheduling.plan.people')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((s) => (
              <TableRow key={`${s.stationId}|${s.startsAt}|${s.role}`}>
                <TableCell>{names.get(s.stationId) ?? s.stationId}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShiftTime(s.startsAt, s.endsAt, campaign.timezone, locale, translate('yizhan.scheduling.next_day'))}</TableCell>
                <TableCell>{roleLabel(s.role, translate)}</TableCell>
                <TableCell>{`${s.minVolunteers}–${s.maxVolunteers}`}</TableCell>
                <TableCell>
                  {s.existing ? (
                    <Chip size="small" variant="outlined" label={translate('yizhan.scheduling.plan.existing')} />
                  ) : (
                    <Chip size="small" color={saved ? 'success' : 'primary'} label={translate(saved ? 'yizhan.scheduling.plan.created' : 'yizhan.scheduling.plan.new')} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {plan.shifts.length > shown.length && (
        <Typography variant="caption" color="text.secondary">
          {translate('yizhan.scheduling.plan.more', { count: plan.shifts.length - shown.length })}
        </Typography>
      )}
    </Box>
  );
};

/**
 * 批量排班: a daily pattern (slots in the campaign's time zone; an end at or before the start is the next day) over
 * a date range at chosen points. Preview shows what would be made; Save creates the missing shifts (running it
 * again creates nothing more).
 */
export const PlanShiftsPanel = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const [result, setResult] = useState<{ plan: ShiftPlan; saved: boolean } | null>(null);
  if (!campaign.stations.length) return <Alert severity="info">{translate('yizhan.scheduling.plan.no_points')}</Alert>;
  const zone = campaign.timezone;
  // The role is free text: the default is a word in the admin's language, not the API's fallback `VOLUNTEER`.
  const role = translate('yizhan.scheduling.plan.default_role');
  const slots: Slot[] = [
    { start: '08:00', end: '20:00', role, minVolunteers: 2, maxVolunteers: 4, requiredSkills: [] },
    { start: '20:00', end: '08:00', role, minVolunteers: 1, maxVolunteers: 2, requiredSkills: [] },
  ];
  const defaultValues: PatternValues = { ...defaultDays(campaign, slots), stationIds: campaign.stations.map((s) => s.id), slots };
  return (
    <Box data-testid="plan-shifts">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('yizhan.scheduling.plan.help', { zone, start: inZone(campaign.startsAt, zone).toFormat('yyyy-MM-dd HH:mm'), end: inZone(campaign.endsAt, zone).toFormat('yyyy-MM-dd HH:mm') })}
      </Typography>
      {/* record: the pattern only, not the campaign whose page this is (react-admin forms read the record context). */}
      <Form record={{}} defaultValues={defaultValues} onSubmit={() => undefined}>
        <Grid container columnSpacing={2} sx={{ maxWidth: 720 }}>
          <Grid size={{ xs: 6 }}>
            <DateInput source="fromDate" label="yizhan.scheduling.plan.fromDate" validate={required()} />
          </Grid>
          <Grid size={{ xs: 6 }}>
            <DateInput source="toDate" label="yizhan.scheduling.plan.toDate" validate={[required(), notBeforeFrom]} />
          </Grid>
        </Grid>
        <CheckboxGroupInput
          source="stationIds"
          label="yizhan.scheduling.plan.points"
          choices={campaign.stations.map((s) => ({ id: s.id, name: s.name }))}
          translateChoice={false}
          validate={required()}
        />
        <ArrayInput source="slots" label="yizhan.scheduling.plan.slots" validate={required()}>
          <SimpleFormIterator inline disableReordering>
            <TextInput source="start" type="time" label="yizhan.scheduling.plan.start" validate={[required(), regex(HHMM, 'yizhan.scheduling.plan.hhmm')]} helperText={false} fullWidth={false} sx={{ width: 130, flexShrink: 0 }} />
            <TextInput source="end" type="time" label="yizhan.scheduling.plan.end" validate={[required(), regex(HHMM, 'yizhan.scheduling.plan.hhmm')]} helperText={false} fullWidth={false} sx={{ width: 130, flexShrink: 0 }} />
            <TextInput source="role" label="resources.shifts.fields.role" validate={maxLength(50)} helperText={false} fullWidth={false} sx={{ width: 140, flexShrink: 0 }} />
            <NumberInput source="minVolunteers" label="resources.shifts.fields.minVolunteers" validate={[minValue(0), maxValue(500), minNotAboveMax]} helperText={false} fullWidth={false} sx={{ width: 110, flexShrink: 0 }} />
            <NumberInput source="maxVolunteers" label="resources.shifts.fields.maxVolunteers" validate={[required(), minValue(1), maxValue(500)]} helperText={false} fullWidth={false} sx={{ width: 110, flexShrink: 0 }} />
            <SelectArrayInput source="requiredSkills" label="resources.shifts.fields.requiredSkills" choices={volunteerSkillChoices} helperText={false} fullWidth={false} sx={{ minWidth: 200, flex: 1 }} />
          </SimpleFormIterator>
        </ArrayInput>
        <PlanButtons campaign={campaign} onPlanned={(plan, saved) => setResult({ plan, saved })} />
      </Form>
      {result && (
        <Box sx={{ mt: 2 }}>
          <PlanPreview campaign={campaign} plan={result.plan} saved={result.saved} />
        </Box>
      )}
    </Box>
  );
};

