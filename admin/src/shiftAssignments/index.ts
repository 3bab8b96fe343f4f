import AssignmentIcon from '@mui/icons-material/AssignmentInd';
import type { ResourceProps } from 'react-admin';
import { AssignmentList } from './AssignmentList';

/** Sign-ups: ADMIN and COORDINATOR. Made from a campaign's calendar; here listed and moved along. */
export default {
  list: AssignmentList,
  icon: AssignmentIcon,
} satisfies Omit<ResourceProps, 'name'>;
