import type { Lang } from './i18n';

/** A station open now that is closed this many minutes later is "closing soon". */
export const CLOSING_SOON_MINUTES = 30;

const DAYS_ZH: Record<string, string> = { Mo: '周一', Tu: '周二', We: '周三', Th: '周四', Fr: '周五', Sa: '周六', Su: '周日', PH: '节假日' };

/**
 * OpenStreetMap `opening_hours` as a worker reads it: `Mo-Fr 09:00-17:00; PH off` → `周一至周五 09:00-17:00；节假日 休息`,
 * `24/7` → `全天开放`. English keeps the OSM text, which is English already. Display only: the open state comes from
 * the API's `isOpen`.
 */
export function readableHours(hours: string, lang: Lang): string {
  if (lang === 'en') return hours === '24/7' ? 'Open 24 hours' : hours;
  if (hours.trim() === '24/7') return '全天开放';
  return hours
    .replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)-(Mo|Tu|We|Th|Fr|Sa|Su)\b/g, (_m, a: string, b: string) => `${DAYS_ZH[a]}至${DAYS_ZH[b]}`)
    .replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b/g, (d: string) => DAYS_ZH[d])
    .replace(/\boff\b/g, '休息')
    .replace(/\bsunrise\b/g, '日出')
    .replace(/\bsunset\b/g, '日落')
    .replace(/;\s*/g, '；')
    .replace(/,(?=\s*\d)/g, '、');
}

/** Whether the hours say something about public holidays (`PH`), so a holiday may change them. */
export const mentionsHolidays = (hours: string | null) => hours != null && /\bPH\b/.test(hours);

/** Today's date (`YYYY-MM-DD`) in China's time zone, the zone of the holiday calendar. */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The instant CLOSING_SOON_MINUTES from `now`, as the RFC 3339 DateTime the API takes. */
export const soonInstant = (now = new Date()) => new Date(now.getTime() + CLOSING_SOON_MINUTES * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export type OpenState = 'open' | 'closingSoon' | 'closed' | 'unknown';

/** From the API's `isOpen` (now) and `isOpen(at: now + 30 min)`. */
export function openState(isOpen: boolean | null, stillOpen: boolean | null): OpenState {
  if (isOpen == null) return 'unknown';
  if (!isOpen) return 'closed';
  return stillOpen === false ? 'closingSoon' : 'open';
}
