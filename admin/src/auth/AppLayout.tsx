import LockReset from '@mui/icons-material/LockReset';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout,
  Logout,
  Navigate,
  useLocation,
  useNavigate,
  usePermissions,
  UserMenu,
  useTranslate,
  useUserMenu,
  type AppBarProps,
} from 'react-admin';
import { CHANGE_PASSWORD_PATH, type Permissions } from './permissions';

/** User menu entry to the change-password page. */
const ChangePasswordMenuItem = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        navigate(CHANGE_PASSWORD_PATH);
      }}
      data-testid="menu-change-password"
    >
      <ListItemIcon>
        <LockReset fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('yizhan.auth.change_password')}</ListItemText>
    </MenuItem>
  );
};

const AppUserMenu = () => (
  <UserMenu>
    <ChangePasswordMenuItem />
    <Logout />
  </UserMenu>
);

const AppAppBar = (props: AppBarProps) => <AppBar {...props} userMenu={<AppUserMenu />} />;

/**
 * react-admin's layout with a user menu that offers a password change. A user who must still replace a
 * one-time password is kept on the change-password page (the API would refuse everything else).
 */
export const AppLayout = ({ children }: { children?: ReactNode }) => {
  const { permissions } = usePermissions<Permissions | null>();
  const location = useLocation();
  if (permissions?.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Layout appBar={AppAppBar}>{children}</Layout>;
};
