import { Admin, defaultLightTheme, Resource, type RaThemeOptions } from 'react-admin';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import organizations from './organizations';
import regions from './regions';
import stations from './stations';

const theme: RaThemeOptions = {
  ...defaultLightTheme,
  typography: {
    fontFamily: ['-apple-system', 'BlinkMacSystemFont', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', 'Roboto', 'sans-serif'].join(','),
  },
};

// disableTelemetry: react-admin would otherwise call an outside host once; the admin must work offline.
export const App = () => (
  <Admin dataProvider={dataProvider} i18nProvider={i18nProvider} theme={theme} title="驿站管理" disableTelemetry>
    <Resource name="stations" {...stations} />
    <Resource name="organizations" {...organizations} />
    <Resource name="regions" {...regions} />
  </Admin>
);
