import { registerEnumType } from 'type-graphql';

/** Kinds of volunteer team (志愿服务队). */
export enum VolunteerTeamKind {
  /** 救援队: 斑马, 蓝天, 雷锋 rescue teams. */
  RESCUE = 'RESCUE',
  /** 劳模志愿服务队: model-worker teams. */
  MODEL_WORKER = 'MODEL_WORKER',
  UNION = 'UNION',
  COMMUNITY = 'COMMUNITY',
  OTHER = 'OTHER',
}
registerEnumType(VolunteerTeamKind, { name: 'VolunteerTeamKind', description: 'RESCUE (斑马/蓝天/雷锋 救援队), MODEL_WORKER (劳模志愿服务队), UNION, COMMUNITY, OTHER.' });

/** What a volunteer can do; shifts may require some. */
export enum VolunteerSkill {
  FIRST_AID = 'FIRST_AID',
  DRIVER = 'DRIVER',
  COOK = 'COOK',
  MEDIC = 'MEDIC',
  LOGISTICS = 'LOGISTICS',
  REPAIR = 'REPAIR',
  COUNSELLING = 'COUNSELLING',
  PUBLICITY = 'PUBLICITY',
  /** 道路指引: knows the local roads. */
  ROUTE_GUIDE = 'ROUTE_GUIDE',
}
registerEnumType(VolunteerSkill, { name: 'VolunteerSkill', description: 'Skills a shift may require: first aid, driving, cooking, medical, logistics, repair, counselling, publicity, route guidance.' });

/** 专项活动 kinds. */
export enum CampaignKind {
  /** 三夏护航: summer-harvest support for harvester crews. */
  HARVEST_SUPPORT = 'HARVEST_SUPPORT',
  /** 夏送清凉. */
  SUMMER_COOLING = 'SUMMER_COOLING',
  /** 冬送温暖. */
  WINTER_WARMTH = 'WINTER_WARMTH',
  OTHER = 'OTHER',
}
registerEnumType(CampaignKind, { name: 'CampaignKind', description: 'HARVEST_SUPPORT (三夏护航), SUMMER_COOLING (夏送清凉), WINTER_WARMTH (冬送温暖), OTHER.' });

export enum CampaignStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  /** Closed campaigns take no sign-ups. */
  CLOSED = 'CLOSED',
}
registerEnumType(CampaignStatus, { name: 'CampaignStatus', description: 'PLANNED, ACTIVE, CLOSED (no more sign-ups).' });

/** Life of a sign-up: SIGNED_UP → CONFIRMED → CHECKED_IN → COMPLETED; or WAITLISTED, NO_SHOW, CANCELLED. */
export enum AssignmentStatus {
  SIGNED_UP = 'SIGNED_UP',
  WAITLISTED = 'WAITLISTED',
  CONFIRMED = 'CONFIRMED',
  CHECKED_IN = 'CHECKED_IN',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'SIGNED_UP, CONFIRMED, CHECKED_IN and COMPLETED hold a place (and count against capacity and overlap); WAITLISTED waits in arrival order; NO_SHOW and CANCELLED do not.',
});

/** Statuses that hold a place on the shift (the database's list, see the scheduling migration). */
export const ACTIVE_STATUSES: AssignmentStatus[] = [AssignmentStatus.SIGNED_UP, AssignmentStatus.CONFIRMED, AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED];
