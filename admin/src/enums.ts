/* Generated from schema/schema.graphql by GraphQL Code Generator (`npm run codegen -w admin`); do not edit. */
/** USER: a staff account; API_KEY: a third-party key; SYSTEM: seeds, the import CLI. */
export const ActorKind = {
  /** A caller without credentials (only operations open to anyone, such as login, write). */
  ANONYMOUS: 'ANONYMOUS',
  /** A third-party API key (actorId: the key record's UUID). */
  API_KEY: 'API_KEY',
  /** The server itself: seeds, the import and synthetic-data CLIs. */
  SYSTEM: 'SYSTEM',
  /** A signed-in staff account (actorId: its UUID). */
  USER: 'USER'
} as const;

export type ActorKind = typeof ActorKind[keyof typeof ActorKind];
/** What a station offers a worker. */
export const Amenity = {
  /** 空调 */
  AIR_CONDITIONING: 'AIR_CONDITIONING',
  /** 防寒 / 冻伤药品 */
  COLD_RELIEF: 'COLD_RELIEF',
  /** 饮用水 */
  DRINKING_WATER: 'DRINKING_WATER',
  /** 电动车充电 */
  EBIKE_CHARGING: 'EBIKE_CHARGING',
  /** 急救药箱 */
  FIRST_AID_KIT: 'FIRST_AID_KIT',
  /** 微波炉 / 加热饭菜 */
  FOOD_HEATING: 'FOOD_HEATING',
  /** 免费餐食 */
  FREE_MEALS: 'FREE_MEALS',
  /** 取暖 */
  HEATING: 'HEATING',
  /** 防暑降温药品 */
  HEATSTROKE_RELIEF: 'HEATSTROKE_RELIEF',
  /** 热水 */
  HOT_WATER: 'HOT_WATER',
  /** 洗衣 */
  LAUNDRY: 'LAUNDRY',
  /** 法律援助 */
  LEGAL_AID: 'LEGAL_AID',
  /** 储物柜 */
  LOCKER: 'LOCKER',
  /** 手机充电 */
  PHONE_CHARGING: 'PHONE_CHARGING',
  /** 书报 / 职工书屋 */
  READING: 'READING',
  /** 维修工具 / 打气筒 */
  REPAIR_TOOLS: 'REPAIR_TOOLS',
  /** 休息座椅 */
  REST_SEATING: 'REST_SEATING',
  /** 信息咨询 / 道路指引 */
  ROUTE_INFO: 'ROUTE_INFO',
  /** 淋浴 */
  SHOWER: 'SHOWER',
  /** 卫生间 */
  TOILET: 'TOILET',
  /** 货车停车 */
  TRUCK_PARKING: 'TRUCK_PARKING',
  /** 爱心雨伞 */
  UMBRELLA: 'UMBRELLA',
  /** 无线网络 */
  WIFI: 'WIFI'
} as const;

export type Amenity = typeof Amenity[keyof typeof Amenity];
/** PUBLIC_READ: the public station queries. VOLUNTEER_APP: also sign-up, cancel, check-in and check-out for a volunteer app that authenticates its volunteers. WEBHOOKS: also the key's own webhooks for station changes. Keys never reach staff data. */
export const ApiScope = {
  /** The public queries (stations, nearby search, regions, organizations, node), on the key's own quota. */
  PUBLIC_READ: 'PUBLIC_READ',
  /** Also signUpForShift, cancelShiftAssignment, checkIn and checkOut, for an app that authenticates its volunteers itself. */
  VOLUNTEER_APP: 'VOLUNTEER_APP',
  /** Also createWebhook, deactivateWebhook, replayWebhookDelivery and the webhooks and webhookDeliveries queries, on the key's own webhooks. */
  WEBHOOKS: 'WEBHOOKS'
} as const;

export type ApiScope = typeof ApiScope[keyof typeof ApiScope];
/** SIGNED_UP, CONFIRMED, CHECKED_IN and COMPLETED hold a place (and count against capacity and overlap); WAITLISTED waits in arrival order; NO_SHOW and CANCELLED do not. */
export const AssignmentStatus = {
  /** 已取消: cancelled (cancelShiftAssignment); holds no place. */
  CANCELLED: 'CANCELLED',
  /** 已签到: checked in (checkIn), not yet out. */
  CHECKED_IN: 'CHECKED_IN',
  /** 已完成: checked out; hours are credited. */
  COMPLETED: 'COMPLETED',
  /** 已确认: a coordinator confirmed the sign-up (confirmShiftAssignment). */
  CONFIRMED: 'CONFIRMED',
  /** 缺席: marked absent by a coordinator (markNoShow); holds no place, credits no hours. */
  NO_SHOW: 'NO_SHOW',
  /** 已报名: holds a place, not yet confirmed by a coordinator. */
  SIGNED_UP: 'SIGNED_UP',
  /** 候补: the shift was full; takes the first freed place, in arrival order (`seq`). */
  WAITLISTED: 'WAITLISTED'
} as const;

export type AssignmentStatus = typeof AssignmentStatus[keyof typeof AssignmentStatus];
/** What happened to the record. */
export const AuditAction = {
  /** The record was created. */
  CREATE: 'CREATE',
  /** The record was deleted. */
  DELETE: 'DELETE',
  /** Fields of the record changed. */
  UPDATE: 'UPDATE'
} as const;

export type AuditAction = typeof AuditAction[keyof typeof AuditAction];
/** The union's seasonal campaigns (专项活动): HARVEST_SUPPORT (三夏护航), SUMMER_COOLING (夏送清凉), WINTER_WARMTH (冬送温暖), OTHER. */
export const CampaignKind = {
  /** 三夏护航: support for harvester crews in the summer harvest (late May–June). */
  HARVEST_SUPPORT: 'HARVEST_SUPPORT',
  /** Any other campaign. */
  OTHER: 'OTHER',
  /** 夏送清凉: drinks and heat-stroke medicine for outdoor workers in the hot months. */
  SUMMER_COOLING: 'SUMMER_COOLING',
  /** 冬送温暖: warm meals and clothing in winter. */
  WINTER_WARMTH: 'WINTER_WARMTH'
} as const;

export type CampaignKind = typeof CampaignKind[keyof typeof CampaignKind];
/** What the campaign list is sorted by. */
export const CampaignOrderField = {
  /** When the record was created. */
  CREATED_AT: 'CREATED_AT',
  /** End of the window. */
  ENDS_AT: 'ENDS_AT',
  /** Name, in the database collation. */
  NAME: 'NAME',
  /** Start of the window. */
  STARTS_AT: 'STARTS_AT',
  /** Status (enum name). */
  STATUS: 'STATUS',
  /** When the record last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type CampaignOrderField = typeof CampaignOrderField[keyof typeof CampaignOrderField];
/** Where a campaign is in its life: PLANNED, ACTIVE, CLOSED (no more sign-ups). Set by its organizers with updateCampaign; not derived from the dates. */
export const CampaignStatus = {
  /** Running; sign-ups, check-ins and tallies are recorded. */
  ACTIVE: 'ACTIVE',
  /** Over: sign-ups are refused (BAD_USER_INPUT on shiftId); the record stays for hours and totals. */
  CLOSED: 'CLOSED',
  /** Being prepared; shifts may be planned and signed up for. */
  PLANNED: 'PLANNED'
} as const;

export type CampaignStatus = typeof CampaignStatus[keyof typeof CampaignStatus];
/** Datum of a coordinate: WGS84 (GPS/OSM), GCJ02 (AMap, Tencent, WeChat) or BD09 (Baidu). Converted with gcoord. */
export const CoordinateSystem = {
  /** BD-09, Baidu Maps' datum (GCJ-02 with a further offset). */
  BD09: 'BD09',
  /** GCJ-02 (火星坐标), China's offset datum used by AMap (高德), Tencent and WeChat (`wx.getLocation({type: "gcj02"})`). */
  GCJ02: 'GCJ02',
  /** WGS-84: GPS, OpenStreetMap, EPSG:4326. The datum stations are stored in. */
  WGS84: 'WGS84'
} as const;

export type CoordinateSystem = typeof CoordinateSystem[keyof typeof CoordinateSystem];
/** How much of a year's holiday calendar is known. */
export const HolidayCoverage = {
  /** The State Council's notice is in (from the chinese-days package or entered by an administrator): holiday blocks and make-up workdays. */
  OFFICIAL: 'OFFICIAL',
  /** No notice yet: only the statutory days of 《全国年节及纪念日放假办法》 (2024 revision), computed from the Gregorian and lunar calendars (元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3). Bridge days and make-up workdays are unknown: every weekend counts as a weekend. */
  STATUTORY_ONLY: 'STATUTORY_ONLY'
} as const;

export type HolidayCoverage = typeof HolidayCoverage[keyof typeof HolidayCoverage];
/** A date of China's holiday calendar. */
export const HolidayKind = {
  /** A rest day: a statutory holiday or a day of its holiday block (weekends inside it included). `PH` in opening hours. */
  HOLIDAY: 'HOLIDAY',
  /** A make-up workday (调休): a Saturday or Sunday worked in exchange; stations keep their Monday–Friday hours. */
  WORKDAY: 'WORKDAY'
} as const;

export type HolidayKind = typeof HolidayKind[keyof typeof HolidayKind];
/** Text format of an imported notice. */
export const HolidayNoticeFormat = {
  /** Lines `date,kind,name` (an optional header line `date,kind,name`); kind HOLIDAY/WORKDAY or 休/班. */
  CSV: 'CSV',
  /** An array of `{ "date": "2027-02-05", "kind": "HOLIDAY", "name": "春节" }`. */
  JSON: 'JSON'
} as const;

export type HolidayNoticeFormat = typeof HolidayNoticeFormat[keyof typeof HolidayNoticeFormat];
/** Outcome of an acceptance inspection. */
export const InspectionResult = {
  /** At least one item was not met. */
  FAILED: 'FAILED',
  /** Every item of the standard was met: a PLANNED station may become ACTIVE. */
  PASSED: 'PASSED'
} as const;

export type InspectionResult = typeof InspectionResult[keyof typeof InspectionResult];
/** The standard an acceptance inspection checks a station against. */
export const InspectionStandard = {
  /** 六有: 有饮水, 有座椅, 有空调, 有药箱, 有卫生间, 有充电 (the union notices' wording, as the importer reads it; api/src/importer/amenity-words.ts). */
  LIU_YOU: 'LIU_YOU'
} as const;

export type InspectionStandard = typeof InspectionStandard[keyof typeof InspectionStandard];
/** One item of the 六有 standard. */
export const LiuYouItem = {
  /** 有空调: air conditioning (amenity AIR_CONDITIONING). */
  AIR_CONDITIONING: 'AIR_CONDITIONING',
  /** 有充电: phone charging (amenity PHONE_CHARGING). */
  CHARGING: 'CHARGING',
  /** 有饮水: drinking water (amenity DRINKING_WATER). */
  DRINKING_WATER: 'DRINKING_WATER',
  /** 有药箱: a medicine / first-aid box (amenity FIRST_AID_KIT). */
  FIRST_AID_KIT: 'FIRST_AID_KIT',
  /** 有座椅: seats to rest on (amenity REST_SEATING). */
  SEATING: 'SEATING',
  /** 有卫生间: a toilet (amenity TOILET). */
  TOILET: 'TOILET'
} as const;

export type LiuYouItem = typeof LiuYouItem[keyof typeof LiuYouItem];
/** Kind of organization: federation, union, union alliance, host unit, government department or enterprise. */
export const OrganizationKind = {
  /** A company, e.g. a logistics or express firm hosting courier homes. */
  ENTERPRISE: 'ENTERPRISE',
  /** 总工会: a federation of trade unions (national, provincial, city, county). */
  FEDERATION: 'FEDERATION',
  /** A government department, e.g. a transport bureau running drivers' homes. */
  GOVERNMENT_DEPARTMENT: 'GOVERNMENT_DEPARTMENT',
  /** 承建单位: the unit whose premises host a station (pharmacy, bank, shop, community centre). */
  HOST_UNIT: 'HOST_UNIT',
  /** 基层工会: a grassroots union. */
  UNION: 'UNION',
  /** 工会联合会: a union alliance, e.g. of an industry or a district. */
  UNION_ALLIANCE: 'UNION_ALLIANCE'
} as const;

export type OrganizationKind = typeof OrganizationKind[keyof typeof OrganizationKind];
/** What the admin organization list is sorted by. */
export const OrganizationOrderField = {
  /** When the record was created. */
  CREATED_AT: 'CREATED_AT',
  /** Kind (enum name). */
  KIND: 'KIND',
  /** Name, in the database collation. */
  NAME: 'NAME',
  /** GB/T 2260 region code; organizations without one last. */
  REGION_CODE: 'REGION_CODE',
  /** When the record last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type OrganizationOrderField = typeof OrganizationOrderField[keyof typeof OrganizationOrderField];
/** Level of a GB/T 2260 administrative division. */
export const RegionLevel = {
  /** Prefecture-level city (地级), e.g. 410100 郑州市. */
  CITY: 'CITY',
  /** The country (中国, 100000). */
  COUNTRY: 'COUNTRY',
  /** County-level division (县级: district, county, county-level city), e.g. 410102 中原区. */
  COUNTY: 'COUNTY',
  /** Province, autonomous region or municipality (省级), e.g. 410000 河南省. */
  PROVINCE: 'PROVINCE'
} as const;

export type RegionLevel = typeof RegionLevel[keyof typeof RegionLevel];
/** ADMIN: federation staff, everything. OPERATOR: stations of their organizations. COORDINATOR: teams, volunteers, campaigns and shifts of their organizations. */
export const Role = {
  /** Federation staff: everything, including accounts, API keys and the audit log. */
  ADMIN: 'ADMIN',
  /** Plans the teams, volunteers, campaigns and shifts of their organizations. */
  COORDINATOR: 'COORDINATOR',
  /** Keeps the stations of their organizations (and those below them in the union tree) true. */
  OPERATOR: 'OPERATOR'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** What the people-served entry list is sorted by. */
export const ServiceLogOrderField = {
  /** When the entry was created. */
  CREATED_AT: 'CREATED_AT',
  /** The local day. */
  DAY: 'DAY',
  /** People served. */
  PEOPLE_SERVED: 'PEOPLE_SERVED',
  /** When the entry last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type ServiceLogOrderField = typeof ServiceLogOrderField[keyof typeof ServiceLogOrderField];
/** What the shift assignment list is sorted by. */
export const ShiftAssignmentOrderField = {
  /** When the record was created. */
  CREATED_AT: 'CREATED_AT',
  /** Arrival order (`seq`, the order the waitlist is served in). */
  SEQ: 'SEQ',
  /** Start of the assignment's shift. */
  SHIFT_STARTS_AT: 'SHIFT_STARTS_AT',
  /** When the record last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type ShiftAssignmentOrderField = typeof ShiftAssignmentOrderField[keyof typeof ShiftAssignmentOrderField];
/** What the shift list is sorted by. */
export const ShiftOrderField = {
  /** When the record was created. */
  CREATED_AT: 'CREATED_AT',
  /** End instant. */
  ENDS_AT: 'ENDS_AT',
  /** Start instant. */
  STARTS_AT: 'STARTS_AT',
  /** When the record last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type ShiftOrderField = typeof ShiftOrderField[keyof typeof ShiftOrderField];
/** Sort direction of an admin list. */
export const SortDirection = {
  /** Smallest (or earliest, or A) first. */
  ASC: 'ASC',
  /** Largest (or latest, or Z) first. */
  DESC: 'DESC'
} as const;

export type SortDirection = typeof SortDirection[keyof typeof SortDirection];
/** A kind of station change a webhook may watch; one event lists every kind its change made (retiring a station is STATUS and RETIRED). */
export const StationChange = {
  /** The set of `amenities` changed. */
  AMENITIES: 'AMENITIES',
  /** A new station was created (API, import or seed). */
  CREATED: 'CREATED',
  /** `openingHours` changed. */
  HOURS: 'HOURS',
  /** The station moved (its WGS-84 point changed). */
  LOCATION: 'LOCATION',
  /** The station became RETIRED (also sent as STATUS). */
  RETIRED: 'RETIRED',
  /** `status` changed (ACTIVE, TEMPORARILY_CLOSED, RETIRED, …). */
  STATUS: 'STATUS'
} as const;

export type StationChange = typeof StationChange[keyof typeof StationChange];
/** LOVE_STATION 爱心驿站, DRIVERS_HOME 司机之家, COURIER_HOME 快递小哥之家, SERVICE_POINT 临时服务点. */
export const StationKind = {
  /** 快递小哥之家 / 新业态工会驿站: for couriers and delivery riders. */
  COURIER_HOME: 'COURIER_HOME',
  /** 司机之家: for truck drivers (hot water, rest, toilet, charging, first aid). */
  DRIVERS_HOME: 'DRIVERS_HOME',
  /** 爱心驿站 / 工会驿站 / 暖心驿站: a fixed union outdoor-worker station, hosted by a union, pharmacy, bank, community centre or petrol station. */
  LOVE_STATION: 'LOVE_STATION',
  /** 临时服务点 / 昼夜志愿服务点: temporary, belongs to a campaign, found only inside its validFrom–validUntil window. */
  SERVICE_POINT: 'SERVICE_POINT'
} as const;

export type StationKind = typeof StationKind[keyof typeof StationKind];
/** What the admin station list is sorted by. */
export const StationOrderField = {
  /** When the record was created. */
  CREATED_AT: 'CREATED_AT',
  /** Kind (enum name). */
  KIND: 'KIND',
  /** Name, in the database collation. */
  NAME: 'NAME',
  /** GB/T 2260 region code; stations without one last. */
  REGION_CODE: 'REGION_CODE',
  /** Status (enum name). */
  STATUS: 'STATUS',
  /** When the record last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type StationOrderField = typeof StationOrderField[keyof typeof StationOrderField];
/** PLANNED (applied for, awaiting its acceptance inspection), ACTIVE (in service), TEMPORARILY_CLOSED (e.g. renovation), RETIRED (closed for good, kept for history). */
export const StationStatus = {
  /** In service; the only status nearbyStations returns. */
  ACTIVE: 'ACTIVE',
  /** Applied for and being set up; becomes ACTIVE only after a PASSED acceptance inspection (recordStationInspection). Never in a public answer (nearbyStations, station, tiles). */
  PLANNED: 'PLANNED',
  /** Closed for good; kept for history and service counts, hidden from nearby search. */
  RETIRED: 'RETIRED',
  /** Closed for a while (renovation, staff shortage); hidden from nearby search. */
  TEMPORARILY_CLOSED: 'TEMPORARILY_CLOSED'
} as const;

export type StationStatus = typeof StationStatus[keyof typeof StationStatus];
/** What the supply entry list is sorted by. */
export const SupplyTallyOrderField = {
  /** When the entry was created. */
  CREATED_AT: 'CREATED_AT',
  /** The local day (then when the entry was created). */
  DAY: 'DAY',
  /** Quantity handed out. */
  QUANTITY: 'QUANTITY'
} as const;

export type SupplyTallyOrderField = typeof SupplyTallyOrderField[keyof typeof SupplyTallyOrderField];
/** Level of an 优秀站点 (outstanding station) title. */
export const TitleLevel = {
  /** 市级优秀站点, awarded by a city federation of trade unions. */
  CITY: 'CITY',
  /** 全国优秀站点, e.g. awarded by 中华全国总工会. */
  NATIONAL: 'NATIONAL',
  /** 省级优秀站点, awarded by a provincial federation of trade unions. */
  PROVINCIAL: 'PROVINCIAL'
} as const;

export type TitleLevel = typeof TitleLevel[keyof typeof TitleLevel];
/** What the volunteer list is sorted by. */
export const VolunteerOrderField = {
  /** When the record was created. */
  CREATED_AT: 'CREATED_AT',
  /** Name, in the database collation. */
  NAME: 'NAME',
  /** When the record last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type VolunteerOrderField = typeof VolunteerOrderField[keyof typeof VolunteerOrderField];
/** Skills a volunteer has and a shift may require (`Shift.requiredSkills`: a volunteer lacking one is refused with BAD_USER_INPUT at sign-up). */
export const VolunteerSkill = {
  /** 炊事: cooks or serves food and drink (绿豆汤, hot meals). */
  COOK: 'COOK',
  /** 心理疏导/法律咨询: counselling or legal advice. */
  COUNSELLING: 'COUNSELLING',
  /** 驾驶: may drive the team's vehicles. */
  DRIVER: 'DRIVER',
  /** 急救: first aid (e.g. a Red Cross certificate). */
  FIRST_AID: 'FIRST_AID',
  /** 后勤: stores, loading and handing out supplies. */
  LOGISTICS: 'LOGISTICS',
  /** 医护: a doctor or nurse. */
  MEDIC: 'MEDIC',
  /** 宣传: publicity, photos and reports. */
  PUBLICITY: 'PUBLICITY',
  /** 维修: repairs vehicles, harvesters or equipment. */
  REPAIR: 'REPAIR',
  /** 道路指引: knows the local roads and guides crews. */
  ROUTE_GUIDE: 'ROUTE_GUIDE'
} as const;

export type VolunteerSkill = typeof VolunteerSkill[keyof typeof VolunteerSkill];
/** What kind of volunteer team (志愿服务队) it is: RESCUE (斑马/蓝天/雷锋 救援队), MODEL_WORKER (劳模志愿服务队), UNION, COMMUNITY, OTHER. */
export const VolunteerTeamKind = {
  /** A neighbourhood or community team (社区志愿服务队). */
  COMMUNITY: 'COMMUNITY',
  /** 劳模志愿服务队: a team of model workers (劳模). */
  MODEL_WORKER: 'MODEL_WORKER',
  /** Any other kind. */
  OTHER: 'OTHER',
  /** 救援队: a civic rescue team such as 斑马, 蓝天 or 雷锋. */
  RESCUE: 'RESCUE',
  /** A trade union's own volunteer team (工会志愿服务队). */
  UNION: 'UNION'
} as const;

export type VolunteerTeamKind = typeof VolunteerTeamKind[keyof typeof VolunteerTeamKind];
/** What the volunteer team list is sorted by. */
export const VolunteerTeamOrderField = {
  /** When the record was created. */
  CREATED_AT: 'CREATED_AT',
  /** Kind (enum name). */
  KIND: 'KIND',
  /** Name, in the database collation. */
  NAME: 'NAME',
  /** When the record last changed. */
  UPDATED_AT: 'UPDATED_AT'
} as const;

export type VolunteerTeamOrderField = typeof VolunteerTeamOrderField[keyof typeof VolunteerTeamOrderField];
/** PENDING: not yet acknowledged, (re)tried with exponential backoff. DELIVERED: the receiver answered 2xx. FAILED: every attempt failed (replay it with replayWebhookDelivery). */
export const WebhookDeliveryStatus = {
  /** The receiver answered with a 2xx status. */
  DELIVERED: 'DELIVERED',
  /** Gave up after WEBHOOK_MAX_ATTEMPTS attempts, or the webhook was deactivated. */
  FAILED: 'FAILED',
  /** Waiting for its first or next attempt (see nextAttemptAt). */
  PENDING: 'PENDING'
} as const;

export type WebhookDeliveryStatus = typeof WebhookDeliveryStatus[keyof typeof WebhookDeliveryStatus];