import { buildGraphqlDataProvider, type ResourceProvider } from './common/graphqlProvider';
import { apiKeysProvider } from './apiKeys/dataProvider';
import { auditEventsProvider } from './audit/dataProvider';
import { campaignsProvider } from './campaigns/dataProvider';
import { appConfigProvider } from './map/dataProvider';
import { organizationsProvider } from './organizations/dataProvider';
import { regionsProvider } from './regions/dataProvider';
import { shiftAssignmentsProvider } from './shiftAssignments/dataProvider';
import { shiftsProvider } from './shifts/dataProvider';
import { stationsProvider } from './stations/dataProvider';
import { suppliesProvider } from './supplies/dataProvider';
import { usersProvider } from './users/dataProvider';
import { volunteersProvider } from './volunteers/dataProvider';
import { volunteerTeamsProvider } from './volunteerTeams/dataProvider';

/**
 * The admin's data provider, composed the way react-admin's CRM example composes its own: one base provider
 * for the CRUD calls of every resource, spread together with the custom methods each feature folder declares
 * next to its fields and mappers (`stations/dataProvider.ts` …). A new folder adds its provider to this list.
 */
const RESOURCE_PROVIDERS = [
  appConfigProvider,
  stationsProvider,
  organizationsProvider,
  regionsProvider,
  usersProvider,
  apiKeysProvider,
  auditEventsProvider,
  volunteerTeamsProvider,
  volunteersProvider,
  campaignsProvider,
  shiftsProvider,
  shiftAssignmentsProvider,
  suppliesProvider,
] as const;

type MethodsOf<P> = P extends ResourceProvider<infer M> ? M : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export const buildDataProvider = (uri = '/graphql') => {
  const { dataProvider, api } = buildGraphqlDataProvider(uri, RESOURCE_PROVIDERS);
  const methods = Object.assign({}, ...RESOURCE_PROVIDERS.map((p) => p.methods?.(api) ?? {})) as Intersection<MethodsOf<(typeof RESOURCE_PROVIDERS)[number]>>;
  return { ...dataProvider, ...methods };
};

/** The data provider with every folder's custom methods, for `useDataProvider<YizhanDataProvider>()`. */
export type YizhanDataProvider = ReturnType<typeof buildDataProvider>;

export type { OpeningHoursCheck } from './stations/dataProvider';
export type { AssignmentAction } from './shiftAssignments/dataProvider';
export type { ApiKeyInput } from './apiKeys/dataProvider';
export { newIdempotencyKey, regionPrefix } from './common/graphqlProvider';
export { errorCodeOf, toDisplayError } from './common/apiErrors';

export const dataProvider = buildDataProvider();
