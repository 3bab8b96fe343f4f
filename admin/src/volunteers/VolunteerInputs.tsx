import { Grid } from '@mui/material';
import {
  AutocompleteArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  maxLength,
  ReferenceArrayInput,
  regex,
  required,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { SectionTitle } from '../common/SectionTitle';
import { volunteerSkillChoices } from '../choices';
import type { Volunteer } from '../records';

/** The API's phone rule (VolunteerInput.phone): digits, spaces or dashes, 5–20, optionally a leading +. */
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/** A phone the API masked (`138****5596`): the viewer does not coordinate the volunteer's teams. */
export const isMaskedPhone = (phone: string | null | undefined) => typeof phone === 'string' && phone.includes('*');

/**
 * The phone input. A masked phone is never put into the input (saving it back would store asterisks): the input
 * starts empty, says what is on record, and only a number typed in replaces it.
 */
const PhoneInput = () => {
  const record = useRecordContext<Volunteer>();
  const translate = useTranslate();
  const masked = isMaskedPhone(record?.phone);
  return (
    <TextInput
      source="phone"
      validate={(value: string | null) => (value && !isMaskedPhone(value) && !PHONE.test(value) ? 'resources.volunteers.helper.phone_invalid' : undefined)}
      format={(value: string | null) => (isMaskedPhone(value) ? '' : (value ?? ''))}
      parse={(value: string) => (value === '' ? (masked ? record!.phone : null) : value)}
      helperText={masked ? translate('resources.volunteers.helper.phone_masked', { phone: record!.phone }) : 'resources.volunteers.helper.phone'}
      autoComplete="off"
    />
  );
};

/** The inputs of VolunteerCreate and VolunteerEdit (limits as in VolunteerInput). */
export const VolunteerInputs = ({ create = false }: { create?: boolean }) => (
  <>
    <SectionTitle title="resources.volunteers.sections.basics" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="name" validate={[required(), maxLength(50)]} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        {create ? (
          <TextInput source="phone" validate={regex(PHONE, 'resources.volunteers.helper.phone_invalid')} helperText="resources.volunteers.helper.phone" autoComplete="off" />
        ) : (
          <PhoneInput />
        )}
      </Grid>
      <Grid size={12}>
        <ReferenceArrayInput source="teamIds" reference="volunteerTeams" perPage={50}>
          <AutocompleteArrayInput helperText="resources.volunteers.helper.teamIds" />
        </ReferenceArrayInput>
      </Grid>
    </Grid>
    <CheckboxGroupInput source="skills" choices={volunteerSkillChoices} row sx={{ '& .MuiFormControlLabel-root': { minWidth: 140 } }} />
    <BooleanInput source="isModelWorker" helperText="resources.volunteers.helper.isModelWorker" />
  </>
);
