import { Card } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  Title,
  useDataProvider,
  useGetResourceLabel,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import type { ApiKeyInput, YizhanDataProvider } from '../dataProvider';
import { apiScopeChoices } from '../choices';
import { SecretDialog } from './SecretDialog';

interface Created {
  name: string;
  secret: string | null;
}

/**
 * A new API key. Not react-admin's <Create>: the answer carries the secret, which is shown once in a dialog
 * and kept out of react-admin's record caches.
 */
export const ApiKeyCreate = () => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const getResourceLabel = useGetResourceLabel();
  const [created, setCreated] = useState<Created | null>(null);

  const submit = async (values: Record<string, any>) => {
    const input: ApiKeyInput = {
      name: String(values.name ?? '').trim(),
      contact: values.contact || null,
      ownerOrganizationId: values.ownerOrganizationId || null,
      quotaPerMinute: values.quotaPerMinute ?? null,
      scopes: values.scopes?.length ? values.scopes : undefined,
    };
    try {
      const { apiKey, secret } = await dataProvider.createApiKey(input);
      await queryClient.invalidateQueries({ queryKey: ['apiKeys'] });
      setCreated({ name: apiKey.name, secret });
      return undefined;
    } catch (error: any) {
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
      // BAD_USER_INPUT on a field: show it under the input.
      return error?.body?.errors;
    }
  };

  return (
    <>
      <Title title={translate('ra.page.create', { name: getResourceLabel('apiKeys', 1) })} />
      <Card sx={{ mt: 2 }}>
        <SimpleForm onSubmit={submit} defaultValues={{ scopes: ['PUBLIC_READ'] }} sx={{ maxWidth: 720 }}>
          <TextInput source="name" label="resources.apiKeys.fields.name" validate={[required(), maxLength(100)]} helperText="resources.apiKeys.helper.name" />
          <ReferenceInput source="ownerOrganizationId" reference="organizations">
            <AutocompleteInput label="resources.apiKeys.fields.ownerOrganizationId" />
          </ReferenceInput>
          <TextInput source="contact" label="resources.apiKeys.fields.contact" validate={maxLength(200)} helperText="resources.apiKeys.helper.contact" />
          <NumberInput
            source="quotaPerMinute"
            label="resources.apiKeys.fields.quotaPerMinute"
            step={1000}
            min={1}
            max={1_000_000}
            validate={[minValue(1), maxValue(1_000_000)]}
            helperText="resources.apiKeys.helper.quotaPerMinute"
          />
          <CheckboxGroupInput source="scopes" label="resources.apiKeys.fields.scopes" choices={apiScopeChoices} validate={required()} />
        </SimpleForm>
      </Card>
      {created && (
        <SecretDialog
          name={created.name}
          secret={created.secret}
          onClose={() => {
            setCreated(null);
            redirect('list', 'apiKeys');
          }}
        />
      )}
    </>
  );
};
