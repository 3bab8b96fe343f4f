import type { EntityManager } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { BadInputError } from '../common/errors';
import { currentRequest } from '../common/request-context';
import { AuditAction } from '../audit/audit-event.entity';
import {
  holidayStore,
  MAX_YEAR,
  MIN_YEAR,
  NOTICE_SOURCE,
  PACKAGE_SOURCE,
  packagedYear,
  packagedYears,
  statutoryHolidays,
  weekdayOf,
  type HolidayDayRow,
  type HolidayKind,
  type YearCalendar,
} from './holiday-calendar';

/**
 * How often each process checks the table's version (one tiny aggregate over `holiday_year`). A notice entered
 * on one replica reaches the opening hours of every other replica within this interval (plus one query); the
 * replica that took the change reloads at once.
 */
export const REFRESH_INTERVAL_MS = 10_000;

/** The table's version: changes with every committed replacement (row count and the sum of per-year versions). */
export async function calendarVersion(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ v: string }[]>(`select count(*) || ':' || coalesce(sum(version), 0) as v from holiday_year`);
  return row.v;
}

/** Reads the whole table (a few dozen rows a year) into the process's calendar. */
export async function loadCalendar(em: EntityManager): Promise<void> {
  const version = await calendarVersion(em);
  const years = await em.execute<{ year: number; source: string; notice: string | null; updated_at: Date }[]>(
    `select year, source, notice, updated_at from holiday_year order by year`,
  );
  const days = await em.execute<{ date: string; year: number; kind: HolidayKind; name: string; source: string }[]>(
    `select to_char(date, 'YYYY-MM-DD') as date, year, kind, name, source from holiday_day order by date`,
  );
  const byYear = new Map<number, YearCalendar>(
    years.map((y) => [y.year, { year: y.year, coverage: 'OFFICIAL', notice: y.notice, updatedAt: new Date(y.updated_at), days: [] }]),
  );
  for (const d of days) byYear.get(d.year)?.days.push({ date: d.date, kind: d.kind, name: d.name, source: d.source });
  holidayStore.load([...byYear.values()], version);
}

/** Reloads the calendar when the table's version differs from the one loaded. */
export async function refreshCalendar(em: EntityManager): Promise<void> {
  if ((await calendarVersion(em)) !== holidayStore.version) await loadCalendar(em);
}

/**
 * Adds the years of the chinese-days package that the table lacks (a newer package brings new years; a year an
 * administrator has entered is never overwritten). Safe on every start and on several replicas at once.
 */
export async function syncPackagedYears(em: EntityManager): Promise<number> {
  const [{ years }] = await em.execute<{ years: number[] | null }[]>(`select array_agg(year) as years from holiday_year`);
  const have = new Set((years ?? []).map(Number));
  const missing = packagedYears().filter((y) => !have.has(y));
  if (!missing.length) return 0;
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<{ year: number }[]>(
      `insert into holiday_year (year, source, notice, updated_by)
       select y::int, ?, ?, 'system:chinese-days' from jsonb_array_elements_text(?::jsonb) as t(y) on conflict do nothing returning year`,
      [PACKAGE_SOURCE, `${PACKAGE_SOURCE} package`, JSON.stringify(missing)],
    );
    const days = inserted.flatMap((r) => packagedYear(Number(r.year))!);
    await insertDays(tx, days);
    return inserted.length;
  });
}

async function insertDays(em: EntityManager, days: HolidayDayRow[]): Promise<void> {
  if (!days.length) return;
  await em.execute(
    `insert into holiday_day (date, year, kind, name, source)
     select date, extract(year from date)::int, kind, name, source from jsonb_to_recordset(?::jsonb) as t(date date, kind text, name text, source text)`,
    [JSON.stringify(days)],
  );
}

/**
 * Keeps the process's calendar in step with the table: loads it now, then checks the version every
 * REFRESH_INTERVAL_MS. Returns a function that stops the timer.
 */
export async function startCalendarRefresh(orm: MikroORM, onError: (e: unknown) => void): Promise<() => void> {
  const em = () => orm.em.fork() as unknown as EntityManager;
  await syncPackagedYears(em());
  await loadCalendar(em());
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    refreshCalendar(em())
      .catch(onError)
      .finally(() => (running = false));
  }, REFRESH_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Throws BadInputError on `field` unless `year` is a whole year MIN_YEAR–MAX_YEAR. */
export function assertYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new BadInputError(field, `must be a year ${MIN_YEAR}–${MAX_YEAR}, got ${year}`, 'INTEGER_RANGE', { min: MIN_YEAR, max: MAX_YEAR });
}

/** The calendar of `year`: the table's rows when the notice is in, else the computed statutory days. */
export async function holidayCalendar(em: EntityManager, year: number): Promise<YearCalendar> {
  // `year` 2004–2100: the argument's @NumberRule.
  await refreshCalendar(em);
  return holidayStore.calendar(year);
}

export interface NoticeDay {
  date: string;
  kind: HolidayKind;
  name: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a notice's days and returns them sorted: every date real and inside `year`, no date twice, names 1–50
 * characters, WORKDAY only on a Saturday or Sunday (a 调休 day is a weekend day worked), at least one HOLIDAY,
 * and — for years under the 2024 law (2025 on) — every statutory day a HOLIDAY (the law fixes them; a notice
 * only adds bridge days and make-up workdays). Errors name `field.<index>.<property>`.
 */
export function validateNotice(year: number, days: NoticeDay[], field = 'input.days'): NoticeDay[] {
  assertYear(year, 'input.year');
  if (days.length > 366) throw new BadInputError(field, `at most 366 days, got ${days.length}`, 'TOO_MANY', { max: 366 });
  const seen = new Map<string, number>();
  days.forEach((d, i) => {
    const at = `${field}.${i}`;
    const parsed = new Date(`${d.date}T00:00:00Z`);
    if (!DATE.test(d.date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d.date) throw new BadInputError(`${at}.date`, `"${d.date}" is not a date YYYY-MM-DD`, 'NOT_A_DATE', { value: d.date });
    if (Number(d.date.slice(0, 4)) !== year) throw new BadInputError(`${at}.date`, `${d.date} is not in ${year}`, 'HOLIDAY_DATE_OTHER_YEAR', { date: d.date, year });
    if (seen.has(d.date)) throw new BadInputError(`${at}.date`, `${d.date} appears twice (also at ${field}.${seen.get(d.date)})`, 'HOLIDAY_DATE_TWICE', { date: d.date });
    seen.set(d.date, i);
    if (d.kind !== 'HOLIDAY' && d.kind !== 'WORKDAY') throw new BadInputError(`${at}.kind`, `must be HOLIDAY or WORKDAY, got "${d.kind}"`, 'HOLIDAY_KIND_UNKNOWN', { value: String(d.kind) });
    const name = d.name.trim();
    if (name.length < 1 || name.length > 50) throw new BadInputError(`${at}.name`, 'must be 1–50 characters', 'TOO_LONG', { min: 1, max: 50 });
    if (d.kind === 'WORKDAY' && ![0, 6].includes(weekdayOf(d.date))) throw new BadInputError(`${at}.kind`, `${d.date} is a weekday: a make-up workday (调休) is a Saturday or Sunday worked`, 'HOLIDAY_WORKDAY_WEEKDAY', { date: d.date });
  });
  if (!days.some((d) => d.kind === 'HOLIDAY')) throw new BadInputError(field, 'a notice has at least one HOLIDAY', 'HOLIDAY_NOTICE_INVALID');
  if (year >= 2025) {
    const holidays = new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date));
    const missing = statutoryHolidays(year).filter((s) => !holidays.has(s.date));
    if (missing.length) throw new BadInputError(field, `the statutory holidays ${missing.map((m) => `${m.date} (${m.name})`).join(', ')} must be HOLIDAY (全国年节及纪念日放假办法, 2024 revision)`, 'HOLIDAY_STATUTORY_MISSING', { dates: missing.map((m) => m.date) });
  }
  return days.map((d) => ({ ...d, name: d.name.trim() })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * validateNotice for imported text: errors are BAD_USER_INPUT on `text` with validateNotice's reason and args,
 * naming the row in the message and in the args: `row`, the CSV data row (1 = the first after any header line),
 * or `item`, the JSON array index.
 */
export function validateNoticeText(year: number, days: NoticeDay[], format: 'CSV' | 'JSON'): NoticeDay[] {
  try {
    return validateNotice(year, days, 'days');
  } catch (e) {
    if (!(e instanceof BadInputError)) throw e;
    const m = /^days\.(\d+)\.\w+: (.*)$/s.exec(e.message);
    if (!m) throw new BadInputError('text', e.message.replace(/^days: /, ''), e.reason, e.args);
    const row = format === 'CSV' ? { row: Number(m[1]) + 1 } : { item: Number(m[1]) };
    throw new BadInputError('text', `${format === 'CSV' ? 'data row' : 'item'} ${Number(m[1]) + (format === 'CSV' ? 1 : 0)}: ${m[2]}`, e.reason, { ...e.args, ...row });
  }
}

/**
 * Replaces every row of `year` with the notice's days in one transaction (validated first, nothing written on
 * bad input), records one audit event with the before and after counts, and reloads this process's calendar.
 */
export async function setHolidayNotice(em: EntityManager, year: number, notice: string | null, input: NoticeDay[]): Promise<YearCalendar> {
  const days = validateNotice(year, input);
  if (notice != null && notice.trim().length > 200) throw new BadInputError('input.notice', 'must be at most 200 characters', 'TOO_LONG', { max: 200 });
  const req = currentRequest();
  await em.transactional(async (tx) => {
    const before = await tx.execute<{ kind: string; n: string }[]>(`select kind, count(*) as n from holiday_day where year = ? group by kind`, [year]);
    await tx.execute(
      `insert into holiday_year (year, source, notice, updated_by) values (?, ?, ?, ?)
       on conflict (year) do update set source = excluded.source, notice = excluded.notice, updated_by = excluded.updated_by,
         version = holiday_year.version + 1, updated_at = clock_timestamp()`,
      [year, NOTICE_SOURCE, notice?.trim() || null, req.actor.label],
    );
    await tx.execute(`delete from holiday_day where year = ?`, [year]);
    await insertDays(tx, days.map((d) => ({ ...d, source: NOTICE_SOURCE })));
    const count = (kind: string) => Number(before.find((r) => r.kind === kind)?.n ?? 0);
    await tx.execute(
      `insert into audit_event (actor_kind, actor_id, actor_label, operation, action, entity_type, entity_id, changes, request_id, ip)
       values (?, ?, ?, ?, ?, 'HolidayYear', ?, ?::jsonb, ?, ?)`,
      [
        req.actor.kind,
        req.actor.id,
        req.actor.label,
        req.operation ?? 'setHolidayNotice',
        before.length ? AuditAction.UPDATE : AuditAction.CREATE,
        String(year),
        JSON.stringify([
          { field: 'notice', before: null, after: notice?.trim() || null },
          {
            field: 'days',
            before: before.length ? { holidays: count('HOLIDAY'), workdays: count('WORKDAY') } : null,
            after: { holidays: days.filter((d) => d.kind === 'HOLIDAY').length, workdays: days.filter((d) => d.kind === 'WORKDAY').length },
          },
        ]),
        req.requestId,
        req.ip,
      ],
    );
  });
  await loadCalendar(em);
  return holidayStore.calendar(year);
}

const KIND_WORDS: Record<string, HolidayKind> = { holiday: 'HOLIDAY', workday: 'WORKDAY', 休: 'HOLIDAY', 班: 'WORKDAY', 放假: 'HOLIDAY', 上班: 'WORKDAY' };

/**
 * Reads a notice's days from text: CSV lines `date,kind,name` (an optional header line; kind HOLIDAY/WORKDAY or
 * 休/班), or JSON, an array of `{ "date", "kind", "name" }`. Errors are BAD_USER_INPUT on `field` with the line
 * (CSV) or index (JSON).
 */
export function parseNoticeText(text: string, format: 'CSV' | 'JSON', field = 'text'): NoticeDay[] {
  if (text.length > 100_000) throw new BadInputError(field, 'at most 100,000 characters', 'TOO_LONG', { max: 100000 });
  const kindOf = (raw: unknown, where: string, row: { line: number } | { item: number }): HolidayKind => {
    const k = KIND_WORDS[String(raw ?? '').trim().toLowerCase()] ?? KIND_WORDS[String(raw ?? '').trim()];
    if (!k) throw new BadInputError(field, `${where}: kind must be HOLIDAY or WORKDAY (休/班), got "${String(raw ?? '')}"`, 'HOLIDAY_KIND_UNKNOWN', { value: String(raw ?? ''), ...row });
    return k;
  };
  if (format === 'JSON') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new BadInputError(field, `not valid JSON (${(e as Error).message})`, 'HOLIDAY_NOTICE_NOT_JSON');
    }
    if (!Array.isArray(data)) throw new BadInputError(field, 'JSON must be an array of { "date", "kind", "name" }', 'HOLIDAY_NOTICE_NOT_LIST');
    return data.map((item, i) => {
      const o = (item ?? {}) as Record<string, unknown>;
      if (typeof o.date !== 'string' || typeof o.name !== 'string') throw new BadInputError(field, `item ${i}: needs "date" and "name" strings`, 'HOLIDAY_ITEM_FIELDS', { item: i });
      return { date: o.date.trim(), kind: kindOf(o.kind, `item ${i}`, { item: i }), name: o.name };
    });
  }
  let rows: string[][];
  try {
    rows = parseCsv(text, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as string[][];
  } catch (e) {
    // csv-parse names the line it stopped at (`lines`); its message stays in the English text only.
    const line = (e as { lines?: unknown }).lines;
    throw new BadInputError(field, `not valid CSV (${(e as Error).message})`, 'HOLIDAY_NOTICE_NOT_CSV', typeof line === 'number' ? { line } : {});
  }
  const header = rows.length && /^date$/i.test(rows[0][0] ?? '') ? 1 : 0;
  return rows.slice(header).map((r, i) => {
    const line = `line ${i + 1 + header}`;
    if (r.length < 3) throw new BadInputError(field, `${line}: needs date,kind,name`, 'HOLIDAY_ROW_COLUMNS', { line: i + 1 + header });
    return { date: r[0], kind: kindOf(r[1], line, { line: i + 1 + header }), name: r[2] };
  });
}
