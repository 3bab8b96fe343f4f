import { Chip, Stack } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import type { ApiKey } from '../records';
import { RevokeButton } from './RevokeButton';

const apiKeyFilters = [<BooleanInput key="includeRevoked" source="includeRevoked" alwaysOn />];

const ApiKeyListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const StatusField = (_props: { label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<ApiKey>
      render={(key) => (
        <Chip
          size="small"
          color={key.revokedAt ? 'default' : 'success'}
          variant={key.revokedAt ? 'outlined' : 'filled'}
          label={translate(key.revokedAt ? 'resources.apiKeys.status.revoked' : 'resources.apiKeys.status.active')}
        />
      )}
    />
  );
};

/** Third-party API keys (ADMIN), newest first; secrets are never listed, only their prefixes. */
export const ApiKeyList = () => {
  const translate = useTranslate();
  return (
    <List filters={apiKeyFilters} actions={<ApiKeyListActions />} perPage={25} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="prefix" sortable={false} sx={{ fontFamily: 'monospace' }} />
        <FunctionField<ApiKey>
          source="scopes"
          sortable={false}
          render={(key) => (
            <Stack direction="row" gap={0.5}>
              {key.scopes.map((s) => (
                <Chip key={s} size="small" variant="outlined" label={translate(`enums.ApiScope.${s}`, { _: s })} />
              ))}
            </Stack>
          )}
        />
        <NumberField source="quotaPerMinute" sortable={false} />
        <ReferenceField source="ownerOrganizationId" reference="organizations" link="show" sortable={false} emptyText="—" />
        <TextField source="contact" sortable={false} emptyText="—" />
        <TextField source="createdBy" sortable={false} emptyText="—" />
        <DateField source="createdAt" showTime sortable={false} />
        <DateField source="lastUsedAt" showTime sortable={false} emptyText="—" />
        <StatusField label="resources.apiKeys.fields.status" />
        <RevokeButton />
      </Datagrid>
    </List>
  );
};
