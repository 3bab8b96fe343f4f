import { Admin, CustomRoutes, defaultLightTheme, Resource, type RaThemeOptions } from 'react-admin';
import { Route } from 'react-router-dom';
import apiKeys from './apiKeys';
import { AppLayout, authProvider, can, CHANGE_PASSWORD_PATH, ChangePasswordPage, LoginPage, type Permissions } from './auth';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { organizationResource } from './organizations';
import regions from './regions';
import { stationResource } from './stations';
import users from './users';

const theme: RaThemeOptions = {
  ...defaultLightTheme,
  typography: {
    fontFamily: ['-apple-system', 'BlinkMacSystemFont', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', 'Roboto', 'sans-serif'].join(','),
  },
};

/**
 * Resources per role: users and API keys for an ADMIN only; create/edit pages only where the role may use
 * them. While a one-time password must be changed, only the change-password page exists.
 */
const resourcesFor = (permissions: Permissions | null) => {
  const role = permissions?.role;
  return (
    <>
      <CustomRoutes>
        <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
      </CustomRoutes>
      {permissions && !permissions.mustChangePassword && (
        <>
          <Resource name="stations" {...stationResource(role)} />
          <Resource name="organizations" {...organizationResource(role)} />
          <Resource name="regions" {...regions} />
          {can.manageUsers(role) && <Resource name="users" {...users} />}
          {can.manageApiKeys(role) && <Resource name="apiKeys" {...apiKeys} />}
        </>
      )}
    </>
  );
};

// disableTelemetry: react-admin would otherwise call an outside host once; the admin must work offline.
export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    requireAuth
    loginPage={LoginPage}
    layout={AppLayout}
    i18nProvider={i18nProvider}
    theme={theme}
    title="驿站管理"
    disableTelemetry
  >
    {resourcesFor}
  </Admin>
);
