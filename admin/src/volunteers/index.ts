import VolunteerIcon from '@mui/icons-material/VolunteerActivism';
import type { ResourceProps } from 'react-admin';
import type { Volunteer } from '../records';
import { VolunteerCreate } from './VolunteerCreate';
import { VolunteerEdit } from './VolunteerEdit';
import { VolunteerList } from './VolunteerList';
import { VolunteerShow } from './VolunteerShow';

/** Volunteers: ADMIN and COORDINATOR (registered only for them). */
export default {
  list: VolunteerList,
  show: VolunteerShow,
  create: VolunteerCreate,
  edit: VolunteerEdit,
  icon: VolunteerIcon,
  recordRepresentation: (record: Volunteer) => record.name,
} satisfies Omit<ResourceProps, 'name'>;
