import OrganizationIcon from '@mui/icons-material/AccountTree';
import type { ResourceProps } from 'react-admin';
import { can } from '../auth/permissions';
import type { Role } from '../enums';
import type { Organization } from '../records';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationEdit } from './OrganizationEdit';
import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';

/** Every staff role reads organizations; only an ADMIN creates, edits or deletes them. */
export const organizationResource = (role?: Role | null) =>
  ({
    list: OrganizationList,
    show: OrganizationShow,
    edit: can.editOrganizations(role) ? OrganizationEdit : undefined,
    create: can.editOrganizations(role) ? OrganizationCreate : undefined,
    icon: OrganizationIcon,
    recordRepresentation: (record: Organization) => record.name,
  }) satisfies Omit<ResourceProps, 'name'>;
