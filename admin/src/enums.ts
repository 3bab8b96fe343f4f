/** GraphQL enum values the admin offers as choices; labels live in i18n under `enums.<EnumName>.<VALUE>`. */
export const STATION_KINDS = ['LOVE_STATION', 'DRIVERS_HOME', 'COURIER_HOME', 'SERVICE_POINT'] as const;
export const STATION_STATUSES = ['PLANNED', 'ACTIVE', 'TEMPORARILY_CLOSED', 'RETIRED'] as const;
export const AMENITIES = [
  'DRINKING_WATER', 'HOT_WATER', 'FOOD_HEATING', 'REST_SEATING', 'TOILET', 'PHONE_CHARGING', 'EBIKE_CHARGING',
  'AIR_CONDITIONING', 'HEATING', 'FIRST_AID_KIT', 'HEATSTROKE_RELIEF', 'COLD_RELIEF', 'WIFI', 'READING', 'SHOWER',
  'LAUNDRY', 'LOCKER', 'TRUCK_PARKING', 'REPAIR_TOOLS', 'UMBRELLA', 'LEGAL_AID', 'ROUTE_INFO', 'FREE_MEALS',
] as const;
export const ORGANIZATION_KINDS = ['FEDERATION', 'UNION', 'UNION_ALLIANCE', 'HOST_UNIT', 'GOVERNMENT_DEPARTMENT', 'ENTERPRISE'] as const;
export const COORDINATE_SYSTEMS = ['WGS84', 'GCJ02', 'BD09'] as const;
export const ROLES = ['ADMIN', 'OPERATOR', 'COORDINATOR'] as const;
export const API_SCOPES = ['PUBLIC_READ', 'VOLUNTEER_APP'] as const;
export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;
export const ACTOR_KINDS = ['USER', 'API_KEY', 'SYSTEM', 'ANONYMOUS'] as const;
export const VOLUNTEER_TEAM_KINDS = ['RESCUE', 'MODEL_WORKER', 'UNION', 'COMMUNITY', 'OTHER'] as const;
export const VOLUNTEER_SKILLS = ['FIRST_AID', 'MEDIC', 'DRIVER', 'COOK', 'LOGISTICS', 'REPAIR', 'COUNSELLING', 'PUBLICITY', 'ROUTE_GUIDE'] as const;
export const CAMPAIGN_KINDS = ['HARVEST_SUPPORT', 'SUMMER_COOLING', 'WINTER_WARMTH', 'OTHER'] as const;
export const CAMPAIGN_STATUSES = ['PLANNED', 'ACTIVE', 'CLOSED'] as const;
/** In the order an assignment moves through them. */
export const ASSIGNMENT_STATUSES = ['SIGNED_UP', 'WAITLISTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED'] as const;

export type StationKind = (typeof STATION_KINDS)[number];
export type StationStatus = (typeof STATION_STATUSES)[number];
export type Amenity = (typeof AMENITIES)[number];
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];
export type Role = (typeof ROLES)[number];
export type ApiScope = (typeof API_SCOPES)[number];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type VolunteerTeamKind = (typeof VOLUNTEER_TEAM_KINDS)[number];
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

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
