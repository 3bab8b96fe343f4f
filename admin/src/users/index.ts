import UserIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import type { User } from '../records';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

/** Staff accounts: ADMIN only (registered only for admins). */
export default {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: UserIcon,
  recordRepresentation: (record: User) => `${record.displayName}（${record.username}）`,
} satisfies Omit<ResourceProps, 'name'>;
