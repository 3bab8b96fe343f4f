import StationIcon from '@mui/icons-material/Storefront';
import type { ResourceProps } from 'react-admin';
import type { Station } from '../types';
import { StationCreate } from './StationCreate';
import { StationEdit } from './StationEdit';
import { StationList } from './StationList';
import { StationShow } from './StationShow';

export default {
  list: StationList,
  show: StationShow,
  edit: StationEdit,
  create: StationCreate,
  icon: StationIcon,
  recordRepresentation: (record: Station) => record.name,
} satisfies Omit<ResourceProps, 'name'>;
