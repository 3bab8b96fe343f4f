import { defineResource } from '../common/graphqlProvider';

/** Settings the server gives the admin at start (no react-admin resource). */
export const appConfigProvider = defineResource({
  name: 'appConfig',
  methods: (api) => ({
    /** Settings the server gives the admin (e.g. an online map style). */
    getAppConfig: (): Promise<{ mapStyleUrl: string | null }> =>
      api.request<{ appConfig: { mapStyleUrl: string | null } }>('query { appConfig { mapStyleUrl } }', {}).then((d) => d.appConfig),
  }),
});
