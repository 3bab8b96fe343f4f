export { authProvider, changePassword, type Identity, type Me } from './authProvider';
export { AppLayout } from './AppLayout';
export { ChangePasswordPage } from './ChangePasswordPage';
export { LoginPage } from './LoginPage';
export { can, CHANGE_PASSWORD_PATH, QUICK_ENTRY_PATH, useRole, type Permissions } from './permissions';
