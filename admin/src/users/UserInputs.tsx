import { Grid } from '@mui/material';
import {
  AutocompleteArrayInput,
  BooleanInput,
  maxLength,
  PasswordInput,
  ReferenceArrayInput,
  regex,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { SectionTitle } from '../common/SectionTitle';
import { roleChoices } from '../choices';
import { validatePassword } from '../common/passwords';

/** OPERATOR and COORDINATOR accounts need at least one organization (UserCreateInput). */
const organizationsForRole: Validator = (value, values) =>
  values?.role && values.role !== 'ADMIN' && (!Array.isArray(value) || value.length === 0) ? 'ra.validation.required' : undefined;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/** Role and organizations: shared by create and edit. `self`: the admin's own account (role is fixed). */
const AccessInputs = ({ self = false }: { self?: boolean }) => {
  const role = useWatch({ name: 'role' });
  return (
    <>
      <SectionTitle title="resources.users.sections.access" />
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectInput source="role" choices={roleChoices} validate={required()} disabled={self} helperText={self ? 'resources.users.helper.self' : false} />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <ReferenceArrayInput source="organizationIds" reference="organizations" perPage={50}>
            <AutocompleteArrayInput
              validate={organizationsForRole}
              helperText="resources.users.helper.organizations"
              label={role === 'ADMIN' ? 'resources.users.fields.organizationIds' : undefined}
            />
          </ReferenceArrayInput>
        </Grid>
      </Grid>
    </>
  );
};

export const UserCreateInputs = () => (
  <>
    <SectionTitle title="resources.users.sections.account" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextInput
          source="username"
          validate={[required(), regex(USERNAME, 'resources.users.helper.username')]}
          parse={(v: string) => v.toLowerCase()}
          helperText="resources.users.helper.username"
          autoComplete="off"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <PasswordInput source="password" validate={[required(), validatePassword()]} helperText="resources.users.helper.password" autoComplete="new-password" />
      </Grid>
    </Grid>
    <AccessInputs />
    <BooleanInput source="mustChangePassword" />
  </>
);

export const UserEditInputs = ({ self }: { self: boolean }) => (
  <>
    <SectionTitle title="resources.users.sections.account" />
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextInput source="username" disabled />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
      </Grid>
    </Grid>
    <AccessInputs self={self} />
    <BooleanInput source="disabled" disabled={self} />
  </>
);
