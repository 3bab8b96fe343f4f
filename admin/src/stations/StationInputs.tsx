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
  SelectArrayInput,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import { SectionTitle } from '../common/SectionTitle';
import { amenityChoices, stationKindChoices, stationStatusChoices } from '../choices';
import { LocationPicker } from '../map/LocationPicker';
import { OpeningHoursInput } from './OpeningHoursInput';

const integer: Validator = (value) => (value == null || Number.isInteger(value) ? undefined : 'ra.validation.number');

/** Dropdowns offer only the organizations the access policy lets the viewer name (an ADMIN: all). */
const ASSIGNABLE = { assignable: true };

const timezoneChoices = Intl.supportedValuesOf('timeZone').map((id) => ({ id, name: id }));

/** The inputs of StationCreate and StationEdit. Limits mirror the API's (StationCreateInput). */
export const StationInputs = () => (
  <>
    <SectionTitle title="resources.stations.sections.basics" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="name" validate={[required(), maxLength(200)]} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <SelectInput source="kind" choices={stationKindChoices} validate={required()} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <SelectInput source="status" choices={stationStatusChoices} validate={required()} />
      </Grid>
      <Grid size={12}>
        <SelectArrayInput source="labels" choices={stationKindChoices} helperText="yizhan.grading.labels_help" />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="address" validate={maxLength(500)} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <TextInput source="phone" validate={maxLength(50)} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <NumberInput source="capacity" step={1} min={0} max={10000} validate={[integer, minValue(0), maxValue(10000)]} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <OpeningHoursInput source="openingHours" />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <AutocompleteInput source="timezone" choices={timezoneChoices} validate={required()} />
      </Grid>
    </Grid>

    <SectionTitle title="resources.stations.sections.organizations" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="hostOrganizationId" reference="organizations" filter={ASSIGNABLE}>
          <AutocompleteInput />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="operatorOrganizationId" reference="organizations" filter={ASSIGNABLE}>
          <AutocompleteInput />
        </ReferenceInput>
      </Grid>
    </Grid>

    <CheckboxGroupInput source="amenities" choices={amenityChoices} row sx={{ mt: 2, '& .MuiFormControlLabel-root': { minWidth: 180 } }} />

    <LocationPicker source="location" />
  </>
);
