import { defineResource } from '../common/graphqlProvider';
import type { CoordinateSystem } from '../enums';

/** Settings the server gives the admin at start (no react-admin resource). */
export const appConfigProvider = defineResource({
  name: 'appConfig',
  methods: (api) => ({
    /** Settings the server gives the admin: an online map style, if any, and the datum its basemap is drawn in. */
    getAppConfig: (): Promise<{ mapStyleUrl: string | null; mapDatum: CoordinateSystem }> =>
      api
        .request<{ appConfig: { mapStyleUrl: string | null; mapDatum: CoordinateSystem } }>('query { appConfig { mapStyleUrl mapDatum } }', {})
        .then((d) => d.appConfig),
  }),
});
