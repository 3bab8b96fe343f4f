import GroupsIcon from '@mui/icons-material/Groups';
import type { ResourceProps } from 'react-admin';
import type { VolunteerTeam } from '../records';
import { VolunteerTeamCreate } from './VolunteerTeamCreate';
import { VolunteerTeamEdit } from './VolunteerTeamEdit';
import { VolunteerTeamList } from './VolunteerTeamList';
import { VolunteerTeamShow } from './VolunteerTeamShow';

/** Volunteer teams: ADMIN and COORDINATOR (registered only for them). */
export default {
  list: VolunteerTeamList,
  show: VolunteerTeamShow,
  create: VolunteerTeamCreate,
  edit: VolunteerTeamEdit,
  icon: GroupsIcon,
  recordRepresentation: (record: VolunteerTeam) => record.name,
} satisfies Omit<ResourceProps, 'name'>;
