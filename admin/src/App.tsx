import { Admin, CustomRoutes, defaultLightTheme, Resource, type RaThemeOptions } from 'react-admin';
import { Route } from 'react-router-dom';
import apiKeys from './apiKeys';
import { AppLayout, authProvider, can, CHANGE_PASSWORD_PATH, ChangePasswordPage, LoginPage, QUICK_ENTRY_PATH, type Permissions } from './auth';
import { campaignResource } from './campaigns';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import { REPORTS_PATH, ReportsPage } from './exports';
import { IMPORT_PATH, ImportPage } from './import';
import { HOLIDAYS_PATH, HolidaysPage } from './holidays';
import { i18nProvider } from './i18n';
import { organizationResource } from './organizations';
import regions from './regions';
import shiftAssignments from './shiftAssignments';
import shifts from './shifts';
import { stationResource } from './stations';
import { QuickEntryPage } from './supplies/QuickEntryPage';
import users from './users';
import volunteers from './volunteers';
import volunteerTeams from './volunteerTeams';
import { NotFoundPage } from './common/NotFoundPage';

const theme: RaThemeOptions = {
  ...defaultLightTheme,
  typography: {
    fontFamily: ['-apple-system', 'BlinkMacSystemFont', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', 'Roboto', 'sans-serif'].join(','),
  },
};

/**
 * Resources per role: users and API keys for an ADMIN only; create/edit pages only where the role may use
 * them. Scheduling (teams, volunteers, shifts, sign-ups) for ADMIN and COORDINATOR; campaigns for every role (an
 * OPERATOR read-only) and the quick entry of supplies and people served for every role. While a one-time
 * password must be changed, only the change-password page exists.
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
          {can.readCampaigns(role) && <Resource name="campaigns" {...campaignResource(role)} />}
          {can.manageScheduling(role) && <Resource name="shifts" {...shifts} />}
          {can.manageScheduling(role) && <Resource name="shiftAssignments" {...shiftAssignments} />}
          {can.manageScheduling(role) && <Resource name="volunteerTeams" {...volunteerTeams} />}
          {can.manageScheduling(role) && <Resource name="volunteers" {...volunteers} />}
          {can.manageUsers(role) && <Resource name="users" {...users} />}
          {can.manageApiKeys(role) && <Resource name="apiKeys" {...apiKeys} />}
          {role === 'ADMIN' && (
            <CustomRoutes>
              <Route path={HOLIDAYS_PATH} element={<HolidaysPage />} />
              <Route path={IMPORT_PATH} element={<ImportPage />} />
            </CustomRoutes>
          )}
          {can.recordSupplies(role) && (
            <CustomRoutes>
              <Route path={QUICK_ENTRY_PATH} element={<QuickEntryPage />} />
              <Route path={REPORTS_PATH} element={<ReportsPage />} />
            </CustomRoutes>
          )}
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
    dashboard={Dashboard}
    i18nProvider={i18nProvider}
    theme={theme}
    title="驿站管理"
    disableTelemetry
    catchAll={NotFoundPage}
  >
    {resourcesFor}
  </Admin>
);
