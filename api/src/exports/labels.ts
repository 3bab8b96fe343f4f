/**
 * Chinese labels of the enum values that exports show (the same words as the admin's zh-CN translations in
 * admin/src/i18n/zh.ts, `enums.*`). An unknown value is shown as it is.
 */
export const ZH_LABELS: Record<string, Record<string, string>> = {
  StationKind: { LOVE_STATION: '爱心驿站', DRIVERS_HOME: '司机之家', COURIER_HOME: '快递小哥之家', SERVICE_POINT: '临时服务点' },
  StationStatus: { PLANNED: '筹建中', ACTIVE: '运营中', TEMPORARILY_CLOSED: '暂停服务', RETIRED: '已停用' },
  Amenity: {
    DRINKING_WATER: '饮用水',
    HOT_WATER: '热水',
    FOOD_HEATING: '微波炉 / 热饭',
    REST_SEATING: '休息座椅',
    TOILET: '卫生间',
    PHONE_CHARGING: '手机充电',
    EBIKE_CHARGING: '电动车充电',
    AIR_CONDITIONING: '空调',
    HEATING: '取暖',
    FIRST_AID_KIT: '急救药箱',
    HEATSTROKE_RELIEF: '防暑降温',
    COLD_RELIEF: '防寒 / 冻伤药品',
    WIFI: '无线网络',
    READING: '书报 / 职工书屋',
    SHOWER: '淋浴',
    LAUNDRY: '洗衣',
    LOCKER: '储物柜',
    TRUCK_PARKING: '货车停车',
    REPAIR_TOOLS: '维修工具 / 打气筒',
    UMBRELLA: '爱心雨伞',
    LEGAL_AID: '法律援助',
    ROUTE_INFO: '信息咨询 / 道路指引',
    FREE_MEALS: '免费餐食',
  },
  OrganizationKind: { FEDERATION: '总工会', UNION: '工会', UNION_ALLIANCE: '工会联合会', HOST_UNIT: '承建单位', GOVERNMENT_DEPARTMENT: '政府部门', ENTERPRISE: '企业' },
  AssignmentStatus: { SIGNED_UP: '已报名', WAITLISTED: '候补', CONFIRMED: '已确认', CHECKED_IN: '已签到', COMPLETED: '已完成', NO_SHOW: '缺勤', CANCELLED: '已取消' },
  ShiftRole: { VOLUNTEER: '志愿者' },
  Boolean: { true: '是', false: '否' },
};

/** The Chinese label of `value` of enum `type` (the value itself when unknown; '' for null). */
export function zh(type: keyof typeof ZH_LABELS, value: string | boolean | null | undefined): string {
  if (value == null) return '';
  return ZH_LABELS[type]?.[String(value)] ?? String(value);
}
