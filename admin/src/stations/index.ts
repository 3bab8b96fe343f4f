import StationIcon from '@mui/icons-material/Storefront';
import type { ResourceProps } from 'react-admin';
import { can } from '../auth/permissions';
import type { Role } from '../enums';
import type { Station } from '../records';
import { StationCreate } from './StationCreate';
import { StationEdit } from './StationEdit';
import { StationList } from './StationList';
import { StationShow } from './StationShow';

/** The station pages a role may use (create and edit for ADMIN and OPERATOR; per record, `viewerCanEdit`). */
export const stationResource = (role?: Role | null) =>
  ({
    list: StationList,
    show: StationShow,
    edit: can.editStations(role) ? StationEdit : undefined,
    create: can.createStations(role) ? StationCreate : undefined,
    icon: StationIcon,
    recordRepresentation: (record: Station) => record.name,
  }) satisfies Omit<ResourceProps, 'name'>;
