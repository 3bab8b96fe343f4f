import KeyIcon from '@mui/icons-material/VpnKey';
import type { ResourceProps } from 'react-admin';
import type { ApiKey } from '../records';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';

/** Third-party API keys: ADMIN only (registered only for admins). No show or edit: the API has neither. */
export default {
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: KeyIcon,
  recordRepresentation: (record: ApiKey) => record.name,
} satisfies Omit<ResourceProps, 'name'>;
