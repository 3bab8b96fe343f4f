import { DateTime } from 'luxon';

/** react-admin's locale (`zh`, `en`) as an Intl/Luxon locale. */
export const intlLocale = (locale: string) => (locale === 'zh' ? 'zh-CN' : 'en');

/** An instant (ISO-8601) in a campaign's time zone. */
export const inZone = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });

/**
 * The wall-clock time of an instant in `zone`, as a browser-local Date: react-big-calendar lays out local Dates,
 * so a campaign is shown in its own time zone (Asia/Shanghai) whatever the browser's zone.
 */
export const toWallDate = (iso: string, zone: string): Date => {
  const d = inZone(iso, zone);
  return new Date(d.year, d.month - 1, d.day, d.hour, d.minute, d.second);
};

/** Today's date (YYYY-MM-DD) in `zone`. */
export const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!;

/** `6/2 周二` / `Tue, 6/2`. */
export const formatDay = (iso: string, zone: string, locale: string) =>
  inZone(iso, zone).setLocale(intlLocale(locale)).toLocaleString({ month: 'numeric', day: 'numeric', weekday: 'short' });

/** A YYYY-MM-DD date as `6/2 周二`. */
export const formatIsoDate = (date: string, locale: string) =>
  DateTime.fromISO(date).setLocale(intlLocale(locale)).toLocaleString({ month: 'numeric', day: 'numeric', weekday: 'short' });

/** `2026-06-02 08:00` in `zone`. */
export const formatInstant = (iso: string | null | undefined, zone: string) => (iso ? inZone(iso, zone).toFormat('yyyy-MM-dd HH:mm') : '—');


/**
 * A shift's time: `6/2 周二 20:00–08:00 (+1)`; `(+1)` when it ends on the next local day. `nextDay` is the
 * translated marker.
 */
export const formatShiftTime = (startsAt: string, endsAt: string, zone: string, locale: string, nextDay: string) => {
  const start = inZone(startsAt, zone);
  const end = inZone(endsAt, zone);
  const days = Math.round(end.startOf('day').diff(start.startOf('day'), 'days').days);
  return `${formatDay(startsAt, zone, locale)} ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}${days > 0 ? ` ${nextDay}` : ''}`;
};
