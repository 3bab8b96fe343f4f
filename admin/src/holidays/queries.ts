import { graphqlFetch } from '../auth/graphqlFetch';

export interface HolidayDay {
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
  source: string;
}

export interface HolidayCalendar {
  year: number;
  coverage: 'OFFICIAL' | 'STATUTORY_ONLY';
  notice: string | null;
  updatedAt: string | null;
  days: HolidayDay[];
}

const FIELDS = 'year coverage notice updatedAt days { date kind name source }';

export const fetchHolidayCalendar = async (year: number) =>
  (await graphqlFetch<{ holidayCalendar: HolidayCalendar }>(`query($y: Int!) { holidayCalendar(year: $y) { ${FIELDS} } }`, { y: year })).holidayCalendar;

export const importHolidayNotice = async (year: number, text: string, format: 'CSV' | 'JSON', notice: string | null, dryRun: boolean) =>
  (
    await graphqlFetch<{ importHolidayNotice: HolidayCalendar }>(
      `mutation($y: Int!, $t: String!, $f: HolidayNoticeFormat!, $n: String, $d: Boolean) { importHolidayNotice(year: $y, text: $t, format: $f, notice: $n, dryRun: $d) { ${FIELDS} } }`,
      { y: year, t: text, f: format, n: notice, d: dryRun },
    )
  ).importHolidayNotice;

/** Today's date in China (the calendar's own zone), `YYYY-MM-DD`. */
export const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The days as CSV lines `date,kind,name`, with the header, for editing. */
export const toCsv = (days: HolidayDay[]) => ['date,kind,name', ...days.map((d) => `${d.date},${d.kind},${d.name}`)].join('\n');

/** Window event sent after a notice is saved, so the warning banner checks again. */
export const HOLIDAYS_CHANGED = 'yizhan:holidays-changed';
