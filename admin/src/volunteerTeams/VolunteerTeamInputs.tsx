import { Grid } from '@mui/material';
import { AutocompleteArrayInput, AutocompleteInput, maxLength, ReferenceArrayInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { SectionTitle } from '../common/SectionTitle';
import { volunteerTeamKindChoices } from '../choices';

/** The inputs of VolunteerTeamCreate and VolunteerTeamEdit (limits as in VolunteerTeamInput). */
export const VolunteerTeamInputs = () => (
  <>
    <SectionTitle title="resources.volunteerTeams.sections.basics" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="name" validate={[required(), maxLength(100)]} helperText="resources.volunteerTeams.helper.name" />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="kind" choices={volunteerTeamKindChoices} validate={required()} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="organizationId" reference="organizations" filter={{ assignable: true }}>
          <AutocompleteInput validate={required()} helperText="resources.volunteerTeams.helper.organizationId" />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="regionCode" reference="regions">
          <AutocompleteInput />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="contact" validate={maxLength(100)} helperText="resources.volunteerTeams.helper.contact" />
      </Grid>
    </Grid>
    <SectionTitle title="resources.volunteerTeams.sections.members" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <ReferenceArrayInput source="memberIds" reference="volunteers" perPage={50}>
          <AutocompleteArrayInput helperText="resources.volunteerTeams.helper.memberIds" />
        </ReferenceArrayInput>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <ReferenceInput source="leaderId" reference="volunteers">
          <AutocompleteInput helperText="resources.volunteerTeams.helper.leaderId" />
        </ReferenceInput>
      </Grid>
    </Grid>
  </>
);
