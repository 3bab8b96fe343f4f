import ShiftIcon from '@mui/icons-material/EventNote';
import type { ResourceProps } from 'react-admin';
import { formatInstant } from '../scheduling/time';
import type { Shift } from '../records';
import { ShiftCreate } from './ShiftCreate';
import { ShiftEdit } from './ShiftEdit';
import { ShiftList } from './ShiftList';
import { ShiftShow } from './ShiftShow';

/** Shifts: ADMIN and COORDINATOR. */
export default {
  list: ShiftList,
  show: ShiftShow,
  create: ShiftCreate,
  edit: ShiftEdit,
  icon: ShiftIcon,
  recordRepresentation: (s: Shift) => `${s.station.name} ${formatInstant(s.startsAt, s.campaign.timezone)} ${s.role}`,
} satisfies Omit<ResourceProps, 'name'>;
