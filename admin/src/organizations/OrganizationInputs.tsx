import { AutocompleteInput, maxLength, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { organizationKindChoices } from '../choices';

/** The inputs of OrganizationCreate and OrganizationEdit (limits as in OrganizationCreateInput). */
export const OrganizationInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <SelectInput source="kind" choices={organizationKindChoices} validate={required()} />
    <ReferenceInput source="parentId" reference="organizations">
      <AutocompleteInput />
    </ReferenceInput>
    <ReferenceInput source="regionCode" reference="regions">
      <AutocompleteInput />
    </ReferenceInput>
  </>
);
