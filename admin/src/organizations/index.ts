import OrganizationIcon from '@mui/icons-material/AccountTree';
import type { ResourceProps } from 'react-admin';
import type { Organization } from '../types';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationEdit } from './OrganizationEdit';
import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';

export default {
  list: OrganizationList,
  show: OrganizationShow,
  edit: OrganizationEdit,
  create: OrganizationCreate,
  icon: OrganizationIcon,
  recordRepresentation: (record: Organization) => record.name,
} satisfies Omit<ResourceProps, 'name'>;
