import { Grid } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  maxLength,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { SectionTitle } from '../common/SectionTitle';
import { campaignKindChoices, campaignStatusChoices } from '../choices';
import { ZonedDateTimeInput } from '../scheduling/ZonedDateTimeInput';

const timezoneChoices = Intl.supportedValuesOf('timeZone').map((id) => ({ id, name: id }));

const endsAfterStart: Validator = (value, values) => {
  if (!value || !values?.startsAt) return undefined;
  const start = new Date(values.startsAt).getTime();
  const end = new Date(value).getTime();
  if (end <= start) return 'resources.campaigns.helper.ends_after_start';
  if (end - start > 366 * 86_400_000) return 'resources.campaigns.helper.at_most_a_year';
  return undefined;
};

/** The window, read in the campaign's own time zone (the one chosen in the form). */
const WindowInputs = () => {
  const zone = useWatch({ name: 'timezone' }) || 'Asia/Shanghai';
  return (
    <>
      <Grid size={{ xs: 12, md: 4 }}>
        <AutocompleteInput source="timezone" choices={timezoneChoices} validate={required()} />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <ZonedDateTimeInput source="startsAt" zone={zone} validate={required()} />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <ZonedDateTimeInput source="endsAt" zone={zone} validate={[required(), endsAfterStart]} helperText="resources.campaigns.helper.endsAt" />
      </Grid>
    </>
  );
};

/** The inputs of CampaignCreate and CampaignEdit (limits as in CampaignInput). */
export const CampaignInputs = () => (
  <>
    <SectionTitle title="resources.campaigns.sections.basics" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="name" validate={[required(), maxLength(200)]} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <SelectInput source="kind" choices={campaignKindChoices} validate={required()} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <SelectInput source="status" choices={campaignStatusChoices} validate={required()} helperText="resources.campaigns.helper.status" />
      </Grid>
      <WindowInputs />
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="regionCode" reference="regions">
          <AutocompleteInput />
        </ReferenceInput>
      </Grid>
      <Grid size={12}>
        <TextInput source="description" multiline minRows={2} validate={maxLength(2000)} />
      </Grid>
    </Grid>

    <SectionTitle title="resources.campaigns.sections.participants" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceArrayInput source="organizationIds" reference="organizations" perPage={50}>
          <AutocompleteArrayInput helperText="resources.campaigns.helper.organizationIds" />
        </ReferenceArrayInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceArrayInput source="teamIds" reference="volunteerTeams" perPage={50}>
          <AutocompleteArrayInput helperText="resources.campaigns.helper.teamIds" />
        </ReferenceArrayInput>
      </Grid>
      <Grid size={12}>
        <ReferenceArrayInput source="stationIds" reference="stations" perPage={50}>
          <AutocompleteArrayInput helperText="resources.campaigns.helper.stationIds" />
        </ReferenceArrayInput>
      </Grid>
    </Grid>

    <SectionTitle title="resources.campaigns.sections.goals" />
    <ArrayInput source="goals" label={false}>
      <SimpleFormIterator inline disableReordering>
        <TextInput source="name" label="resources.campaigns.fields.goal_name" validate={[required(), maxLength(50)]} helperText={false} fullWidth={false} sx={{ width: 240 }} />
        <NumberInput source="target" label="resources.campaigns.fields.goal_target" validate={[required(), minValue(0)]} helperText={false} fullWidth={false} sx={{ width: 160 }} />
        <TextInput source="unit" label="resources.campaigns.fields.goal_unit" validate={[required(), maxLength(20)]} helperText={false} fullWidth={false} sx={{ width: 120 }} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
