import { Grid } from '@mui/material';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetOne,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { volunteerSkillChoices } from '../choices';
import { ZonedDateTimeInput } from '../scheduling/ZonedDateTimeInput';
import type { Campaign } from '../records';

const integer: Validator = (value) => (value == null || Number.isInteger(value) ? undefined : 'ra.validation.number');

const endsAfterStart: Validator = (value, values) => {
  if (!value || !values?.startsAt) return undefined;
  const start = new Date(values.startsAt).getTime();
  const end = new Date(value).getTime();
  if (end <= start) return 'resources.shifts.helper.ends_after_start';
  if (end - start > 24 * 3_600_000) return 'resources.shifts.helper.at_most_24h';
  return undefined;
};

const minNotAboveMax: Validator = (value, values) =>
  value != null && values?.maxVolunteers != null && value > values.maxVolunteers ? 'resources.shifts.helper.min_above_max' : undefined;

/** The campaign chosen in the form. */
const useFormCampaign = () => {
  const campaignId = useWatch({ name: 'campaignId' });
  const { data: campaign } = useGetOne<Campaign>('campaigns', { id: campaignId }, { enabled: Boolean(campaignId) });
  return { campaignId, campaign };
};

/** Start and end, in the campaign's time zone. */
const TimeInputs = () => {
  const { campaign } = useFormCampaign();
  const zone = campaign?.timezone ?? 'Asia/Shanghai';
  return (
    <>
      <Grid size={{ xs: 12, md: 6 }}>
        <ZonedDateTimeInput source="startsAt" zone={zone} validate={required()} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ZonedDateTimeInput source="endsAt" zone={zone} validate={[required(), endsAfterStart]} helperText="resources.shifts.helper.endsAt" />
      </Grid>
    </>
  );
};

/** The service point: one of the chosen campaign's stations. */
const StationInput = ({ disabled }: { disabled?: boolean }) => {
  const { campaignId, campaign } = useFormCampaign();
  const choices = (campaign?.stations ?? []).map((s) => ({ id: s.id, name: s.name }));
  return (
    <SelectInput
      source="stationId"
      choices={choices}
      validate={required()}
      disabled={disabled || !campaignId}
      helperText="resources.shifts.helper.stationId"
      label="resources.shifts.fields.station"
    />
  );
};

/** The inputs of ShiftCreate and ShiftEdit; times are in the campaign's time zone (limits as in ShiftInput). */
export const ShiftInputs = ({ edit = false }: { edit?: boolean }) => (
  <Grid container columnSpacing={2} sx={{ width: '100%' }}>
    <Grid size={{ xs: 12, md: 6 }}>
      <ReferenceInput source="campaignId" reference="campaigns">
        <AutocompleteInput validate={required()} disabled={edit} label="resources.shifts.fields.campaign" />
      </ReferenceInput>
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <StationInput />
    </Grid>
    <TimeInputs />
    <Grid size={{ xs: 12, md: 4 }}>
      <TextInput source="role" validate={maxLength(50)} helperText="resources.shifts.helper.role" />
    </Grid>
    <Grid size={{ xs: 6, md: 4 }}>
      <NumberInput source="minVolunteers" step={1} min={0} max={500} validate={[integer, minValue(0), maxValue(500), minNotAboveMax]} helperText="resources.shifts.helper.minVolunteers" />
    </Grid>
    <Grid size={{ xs: 6, md: 4 }}>
      <NumberInput source="maxVolunteers" step={1} min={1} max={500} validate={[required(), integer, minValue(1), maxValue(500)]} helperText="resources.shifts.helper.maxVolunteers" />
    </Grid>
    <Grid size={12}>
      <CheckboxGroupInput source="requiredSkills" choices={volunteerSkillChoices} row sx={{ '& .MuiFormControlLabel-root': { minWidth: 140 } }} />
    </Grid>
    <Grid size={12}>
      <TextInput source="notes" multiline minRows={2} validate={maxLength(1000)} />
    </Grid>
  </Grid>
);
