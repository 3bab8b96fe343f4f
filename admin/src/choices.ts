import type {
  ActorKind,
  Amenity,
  ApiScope,
  AssignmentStatus,
  AuditAction,
  CampaignKind,
  CampaignStatus,
  CoordinateSystem,
  OrganizationKind,
  Role,
  StationKind,
  StationStatus,
  VolunteerSkill,
  VolunteerTeamKind,
} from './enums';

/**
 * Every value of a generated enum, in the order the admin offers them (the SDL lists values alphabetically).
 * A value added to or removed from the schema is a type error here until the list follows.
 */
const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> })): A =>
    values;

/** GraphQL enum values the admin offers as choices; labels live in i18n under `enums.<EnumName>.<VALUE>`. */
export const STATION_KINDS = allOf<StationKind>()(['LOVE_STATION', 'DRIVERS_HOME', 'COURIER_HOME', 'SERVICE_POINT']);
export const STATION_STATUSES = allOf<StationStatus>()(['PLANNED', 'ACTIVE', 'TEMPORARILY_CLOSED', 'RETIRED']);
export const AMENITIES = allOf<Amenity>()([
  'DRINKING_WATER', 'HOT_WATER', 'FOOD_HEATING', 'REST_SEATING', 'TOILET', 'PHONE_CHARGING', 'EBIKE_CHARGING',
  'AIR_CONDITIONING', 'HEATING', 'FIRST_AID_KIT', 'HEATSTROKE_RELIEF', 'COLD_RELIEF', 'WIFI', 'READING', 'SHOWER',
  'LAUNDRY', 'LOCKER', 'TRUCK_PARKING', 'REPAIR_TOOLS', 'UMBRELLA', 'LEGAL_AID', 'ROUTE_INFO', 'FREE_MEALS',
]);
export const ORGANIZATION_KINDS = allOf<OrganizationKind>()(['FEDERATION', 'UNION', 'UNION_ALLIANCE', 'HOST_UNIT', 'GOVERNMENT_DEPARTMENT', 'ENTERPRISE']);
export const COORDINATE_SYSTEMS = allOf<CoordinateSystem>()(['WGS84', 'GCJ02', 'BD09']);
export const ROLES = allOf<Role>()(['ADMIN', 'OPERATOR', 'COORDINATOR']);
export const API_SCOPES = allOf<ApiScope>()(['PUBLIC_READ', 'VOLUNTEER_APP', 'WEBHOOKS']);
export const AUDIT_ACTIONS = allOf<AuditAction>()(['CREATE', 'UPDATE', 'DELETE']);
export const ACTOR_KINDS = allOf<ActorKind>()(['USER', 'API_KEY', 'SYSTEM', 'ANONYMOUS']);
export const VOLUNTEER_TEAM_KINDS = allOf<VolunteerTeamKind>()(['RESCUE', 'MODEL_WORKER', 'UNION', 'COMMUNITY', 'OTHER']);
export const VOLUNTEER_SKILLS = allOf<VolunteerSkill>()(['FIRST_AID', 'MEDIC', 'DRIVER', 'COOK', 'LOGISTICS', 'REPAIR', 'COUNSELLING', 'PUBLICITY', 'ROUTE_GUIDE']);
export const CAMPAIGN_KINDS = allOf<CampaignKind>()(['HARVEST_SUPPORT', 'SUMMER_COOLING', 'WINTER_WARMTH', 'OTHER']);
export const CAMPAIGN_STATUSES = allOf<CampaignStatus>()(['PLANNED', 'ACTIVE', 'CLOSED']);
/** In the order an assignment moves through them. */
export const ASSIGNMENT_STATUSES = allOf<AssignmentStatus>()(['SIGNED_UP', 'WAITLISTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED']);

/** Choices for SelectInput & co.; react-admin translates `name` as a message key. */
export const enumChoices = (enumName: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: `enums.${enumName}.${id}` }));

export const stationKindChoices = enumChoices('StationKind', STATION_KINDS);
export const stationStatusChoices = enumChoices('StationStatus', STATION_STATUSES);
export const amenityChoices = enumChoices('Amenity', AMENITIES);
export const organizationKindChoices = enumChoices('OrganizationKind', ORGANIZATION_KINDS);
export const coordinateSystemChoices = enumChoices('CoordinateSystem', COORDINATE_SYSTEMS);
export const roleChoices = enumChoices('Role', ROLES);
export const apiScopeChoices = enumChoices('ApiScope', API_SCOPES);
export const volunteerTeamKindChoices = enumChoices('VolunteerTeamKind', VOLUNTEER_TEAM_KINDS);
export const volunteerSkillChoices = enumChoices('VolunteerSkill', VOLUNTEER_SKILLS);
export const campaignKindChoices = enumChoices('CampaignKind', CAMPAIGN_KINDS);
export const campaignStatusChoices = enumChoices('CampaignStatus', CAMPAIGN_STATUSES);
export const assignmentStatusChoices = enumChoices('AssignmentStatus', ASSIGNMENT_STATUSES);
