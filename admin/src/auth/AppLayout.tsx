import EditNote from '@mui/icons-material/EditNote';
import LockReset from '@mui/icons-material/LockReset';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout,
  Logout,
  Menu,
  Navigate,
  useLocation,
  useNavigate,
  usePermissions,
  UserMenu,
  useTranslate,
  useUserMenu,
  type AppBarProps,
} from 'react-admin';
import { can, CHANGE_PASSWORD_PATH, QUICK_ENTRY_PATH, type Permissions } from './permissions';
import EventBusy from '@mui/icons-material/EventBusy';
import { HOLIDAYS_PATH, HolidayNoticeBanner } from '../holidays';
import Assessment from '@mui/icons-material/Assessment';
import UploadFile from '@mui/icons-material/UploadFile';
import { REPORTS_PATH } from '../exports/ReportsPage';
import { IMPORT_PATH } from '../import/ImportPage';

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

/** The resources the role has, then the quick entry of supplies and people served (every staff role). */
const AppMenu = () => {
  const { permissions } = usePermissions<Permissions | null>();
  return (
    <Menu>
      <Menu.ResourceItems />
      {can.recordSupplies(permissions?.role) && !permissions?.mustChangePassword && (
        <Menu.Item to={QUICK_ENTRY_PATH} primaryText="yizhan.scheduling.entry.menu" leftIcon={<EditNote />} data-testid="menu-quick-entry" />
      )}
      {can.recordSupplies(permissions?.role) && !permissions?.mustChangePassword && (
        <Menu.Item to={REPORTS_PATH} primaryText="yizhan.exports.menu" leftIcon={<Assessment />} data-testid="menu-reports" />
      )}
      {permissions?.role === 'ADMIN' && !permissions.mustChangePassword && (
        <Menu.Item to={HOLIDAYS_PATH} primaryText="yizhan.holidays.menu" leftIcon={<EventBusy />} data-testid="menu-holidays" />
      )}
      {permissions?.role === 'ADMIN' && !permissions.mustChangePassword && (
        <Menu.Item to={IMPORT_PATH} primaryText="yizhan.import.menu" leftIcon={<UploadFile />} data-testid="menu-import" />
      )}
    </Menu>
  );
};

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
  return (
    <Layout appBar={AppAppBar} menu={AppMenu}>
      {permissions?.role === 'ADMIN' && !permissions.mustChangePassword && <HolidayNoticeBanner />}
      {children}
    </Layout>
  );
};
