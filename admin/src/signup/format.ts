import { lang } from './messages';

const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';

/** `6月2日 周二` in the campaign's time zone: the day heading of the shift list. */
export function dayOf(isoInstant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(isoInstant));
}

/** `08:00–12:00` (with the next day's date when a night shift crosses midnight). */
export function hoursOf(startsAt: string, endsAt: string, timeZone: string): string {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const crosses = dayOf(startsAt, timeZone) !== dayOf(endsAt, timeZone);
  return `${time.format(new Date(startsAt))}–${crosses ? `${dayOf(endsAt, timeZone)} ` : ''}${time.format(new Date(endsAt))}`;
}

/** Date and time for the volunteer's own list. */
export function whenOf(startsAt: string, endsAt: string, timeZone: string): string {
  return `${dayOf(startsAt, timeZone)} ${hoursOf(startsAt, endsAt, timeZone)}`;
}
