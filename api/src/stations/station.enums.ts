import { registerEnumType } from 'type-graphql';

/** Kind of station (DESIGN.md domain table). */
export enum StationKind {
  /** 爱心驿站 / 工会驿站: fixed union outdoor-worker station. */
  LOVE_STATION = 'LOVE_STATION',
  /** 司机之家: for truck drivers. */
  DRIVERS_HOME = 'DRIVERS_HOME',
  /** 快递小哥之家: for couriers and delivery riders. */
  COURIER_HOME = 'COURIER_HOME',
  /** 临时服务点: temporary point belonging to a campaign. */
  SERVICE_POINT = 'SERVICE_POINT',
}
registerEnumType(StationKind, {
  name: 'StationKind',
  description: 'LOVE_STATION 爱心驿站, DRIVERS_HOME 司机之家, COURIER_HOME 快递小哥之家, SERVICE_POINT 临时服务点.',
  valuesConfig: {
    LOVE_STATION: { description: '爱心驿站 / 工会驿站 / 暖心驿站: a fixed union outdoor-worker station, hosted by a union, pharmacy, bank, community centre or petrol station.' },
    DRIVERS_HOME: { description: '司机之家: for truck drivers (hot water, rest, toilet, charging, first aid).' },
    COURIER_HOME: { description: '快递小哥之家 / 新业态工会驿站: for couriers and delivery riders.' },
    SERVICE_POINT: { description: '临时服务点 / 昼夜志愿服务点: temporary, belongs to a campaign, found only inside its validFrom–validUntil window.' },
  },
});

/** Operating status. Only ACTIVE stations appear in `nearbyStations`; PLANNED ones in no public answer. */
export enum StationStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  TEMPORARILY_CLOSED = 'TEMPORARILY_CLOSED',
  RETIRED = 'RETIRED',
}
registerEnumType(StationStatus, {
  name: 'StationStatus',
  description: 'PLANNED (applied for, awaiting its acceptance inspection), ACTIVE (in service), TEMPORARILY_CLOSED (e.g. renovation), RETIRED (closed for good, kept for history).',
  valuesConfig: {
    PLANNED: { description: 'Applied for and being set up; becomes ACTIVE only after a PASSED acceptance inspection (recordStationInspection). Never in a public answer (nearbyStations, station, tiles).' },
    ACTIVE: { description: 'In service; the only status nearbyStations returns.' },
    TEMPORARILY_CLOSED: { description: 'Closed for a while (renovation, staff shortage); hidden from nearby search.' },
    RETIRED: { description: 'Closed for good; kept for history and service counts, hidden from nearby search.' },
  },
});

/** The one amenity vocabulary (DESIGN.md). Local standards (六有, 七个一, 6+X) map onto it. Extend, never rename. */
export enum Amenity {
  DRINKING_WATER = 'DRINKING_WATER',
  HOT_WATER = 'HOT_WATER',
  FOOD_HEATING = 'FOOD_HEATING',
  REST_SEATING = 'REST_SEATING',
  TOILET = 'TOILET',
  PHONE_CHARGING = 'PHONE_CHARGING',
  EBIKE_CHARGING = 'EBIKE_CHARGING',
  AIR_CONDITIONING = 'AIR_CONDITIONING',
  HEATING = 'HEATING',
  FIRST_AID_KIT = 'FIRST_AID_KIT',
  HEATSTROKE_RELIEF = 'HEATSTROKE_RELIEF',
  COLD_RELIEF = 'COLD_RELIEF',
  WIFI = 'WIFI',
  READING = 'READING',
  SHOWER = 'SHOWER',
  LAUNDRY = 'LAUNDRY',
  LOCKER = 'LOCKER',
  TRUCK_PARKING = 'TRUCK_PARKING',
  REPAIR_TOOLS = 'REPAIR_TOOLS',
  UMBRELLA = 'UMBRELLA',
  LEGAL_AID = 'LEGAL_AID',
  ROUTE_INFO = 'ROUTE_INFO',
  FREE_MEALS = 'FREE_MEALS',
}
registerEnumType(Amenity, {
  name: 'Amenity',
  description: 'What a station offers a worker.',
  valuesConfig: {
    DRINKING_WATER: { description: '饮用水' },
    HOT_WATER: { description: '热水' },
    FOOD_HEATING: { description: '微波炉 / 加热饭菜' },
    REST_SEATING: { description: '休息座椅' },
    TOILET: { description: '卫生间' },
    PHONE_CHARGING: { description: '手机充电' },
    EBIKE_CHARGING: { description: '电动车充电' },
    AIR_CONDITIONING: { description: '空调' },
    HEATING: { description: '取暖' },
    FIRST_AID_KIT: { description: '急救药箱' },
    HEATSTROKE_RELIEF: { description: '防暑降温药品' },
    COLD_RELIEF: { description: '防寒 / 冻伤药品' },
    WIFI: { description: '无线网络' },
    READING: { description: '书报 / 职工书屋' },
    SHOWER: { description: '淋浴' },
    LAUNDRY: { description: '洗衣' },
    LOCKER: { description: '储物柜' },
    TRUCK_PARKING: { description: '货车停车' },
    REPAIR_TOOLS: { description: '维修工具 / 打气筒' },
    UMBRELLA: { description: '爱心雨伞' },
    LEGAL_AID: { description: '法律援助' },
    ROUTE_INFO: { description: '信息咨询 / 道路指引' },
    FREE_MEALS: { description: '免费餐食' },
  },
});
