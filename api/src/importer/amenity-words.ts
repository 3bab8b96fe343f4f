import { Amenity } from '../stations/station.enums';

// Source vocabularies seen so far: the Zhengzhou app's English tags and the Chinese words of union notices
// (六有: 有饮水, 有座椅, 有空调, 有药箱, 有卫生间, 有充电; 七个一; 6+X). Order matters: longer words first.
const WORDS: [RegExp, Amenity][] = [
  [/^drink(ing)?(_water)?$|饮用水|饮水|矿泉水|茶水|凉茶|绿豆汤|绿豆茶|喝水/i, Amenity.DRINKING_WATER],
  [/^hot_water$|热水|开水|暖茶|热茶/i, Amenity.HOT_WATER],
  [/^(microwave|food_heating)$|微波炉|热饭|加热/i, Amenity.FOOD_HEATING],
  [/^(seat|seating|rest)$|座椅|桌椅|休息|歇脚/i, Amenity.REST_SEATING],
  [/^(toilet|wc)$|卫生间|厕所|如厕|洗手间/i, Amenity.TOILET],
  [/^(ebike_charging)$|电动车充电|电瓶车充电|电动车/i, Amenity.EBIKE_CHARGING],
  [/^(charging|phone_charging)$|手机充电|充电|应急充电/i, Amenity.PHONE_CHARGING],
  [/^(ac|air_conditioning)$|空调|冷气|纳凉/i, Amenity.AIR_CONDITIONING],
  [/^heating$|暖气|取暖|供暖/i, Amenity.HEATING],
  [/^(first_aid|first_aid_kit|medicine)$|药箱|急救|医药|常用药|药品/i, Amenity.FIRST_AID_KIT],
  [/^heatstroke$|防暑|藿香正气|清凉油|风油精|降温/i, Amenity.HEATSTROKE_RELIEF],
  [/^cold_relief$|冻伤|防寒|冻疮|口罩/i, Amenity.COLD_RELIEF],
  [/^(wifi|wlan)$|无线网|网络/i, Amenity.WIFI],
  [/^(reading|books)$|书报|书屋|阅读|红色书籍|报刊|图书/i, Amenity.READING],
  [/^shower$|淋浴|洗澡/i, Amenity.SHOWER],
  [/^laundry$|洗衣/i, Amenity.LAUNDRY],
  [/^locker$|储物|寄存/i, Amenity.LOCKER],
  [/^truck_parking$|停车/i, Amenity.TRUCK_PARKING],
  [/^(repair|repair_tools)$|打气|维修|工具/i, Amenity.REPAIR_TOOLS],
  [/^umbrella$|雨伞/i, Amenity.UMBRELLA],
  [/^legal_aid$|法律/i, Amenity.LEGAL_AID],
  [/^route_info$|指路|道路指引|信息咨询|问路/i, Amenity.ROUTE_INFO],
  [/^free_meals$|免费餐|爱心餐|免费午餐|方便面/i, Amenity.FREE_MEALS],
];

/**
 * Maps source facility words (English tags like `drink`, `first_aid`, or Chinese like `饮用水`, `医药箱`) to the
 * amenity vocabulary. Exact amenity names pass through. Returns the amenities (deduplicated, in vocabulary
 * order) and the words it did not recognise.
 */
export function mapAmenityWords(words: string[]): { amenities: Amenity[]; unknown: string[] } {
  const found = new Set<Amenity>();
  const unknown: string[] = [];
  for (const w of words.map((x) => x.trim()).filter(Boolean)) {
    if ((Object.values(Amenity) as string[]).includes(w.toUpperCase())) {
      found.add(w.toUpperCase() as Amenity);
      continue;
    }
    const hit = WORDS.find(([re]) => re.test(w));
    if (hit) found.add(hit[1]);
    else unknown.push(w);
  }
  return { amenities: Object.values(Amenity).filter((a) => found.has(a)), unknown };
}
