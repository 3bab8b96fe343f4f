import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { Access } from '../auth/access';
import { BadInputError } from '../common/errors';
import { assertIntRange } from '../common/pagination';
import { StationStatus } from '../stations/station.enums';
import type { Station } from '../stations/station.entity';
import { getStation, updateStation } from '../stations/station.service';
import { InspectionResult, STANDARD_ITEMS, StationInspection, StationTitle, type InspectionItem, type LiuYouItem } from './grading.entity';
import type { StationGradeInput, StationInspectionInput } from './grading.inputs';

/**
 * Checks an inspection's checklist: every item of its standard exactly once, in any order; returned in the
 * standard's order. BAD_USER_INPUT on `input.items[i].item` for an item repeated or foreign to the standard, on
 * `input.items` naming the first missing one.
 */
export function checklist(input: StationInspectionInput): InspectionItem[] {
  const wanted = STANDARD_ITEMS[input.standard];
  const seen = new Map<string, InspectionItem>();
  input.items.forEach((it, i) => {
    if (!wanted.includes(it.item)) throw new BadInputError(`input.items[${i}].item`, `${it.item} is not an item of ${input.standard}`, 'INSPECTION_ITEM_UNKNOWN', { item: it.item, standard: input.standard });
    if (seen.has(it.item)) throw new BadInputError(`input.items[${i}].item`, `${it.item} is listed twice`, 'LISTED_TWICE', { value: it.item });
    seen.set(it.item, { item: it.item, passed: it.passed, note: it.note ?? null });
  });
  const missing = wanted.find((w) => !seen.has(w));
  if (missing) throw new BadInputError('input.items', `the checklist lacks ${missing} (${input.standard} has ${wanted.length} items: ${wanted.join(', ')})`, 'INSPECTION_ITEM_MISSING', { item: missing, standard: input.standard, count: wanted.length, items: [...wanted] });
  return wanted.map((w) => seen.get(w)!);
}

/**
 * Records an acceptance inspection of station `stationId` (the caller has checked it through the access policy)
 * and, with `activate`, turns a PLANNED station ACTIVE in the same transaction through updateStation (the one
 * station path: version check, audit, status rules). The result is PASSED when every item passed. Refusals, with
 * nothing written: BAD_USER_INPUT on `input.inspectedOn` for a day after today in the station's time zone, on
 * `activate` when the result is FAILED or the station is not PLANNED, on `version` when `activate` has none;
 * CONFLICT for a stale `version`.
 */
export async function recordInspection(
  em: EntityManager,
  access: Access,
  args: { stationId: string; input: StationInspectionInput; activate: boolean; version?: number | null },
): Promise<StationInspection> {
  const items = checklist(args.input);
  if (args.activate && args.version == null) throw new BadInputError('version', 'give the station\'s current version to activate it', 'REQUIRED');
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const station = await getStation(t, args.stationId, 'stationId');
    const today = DateTime.now().setZone(station.timezone).toISODate()!;
    if (args.input.inspectedOn > today) throw new BadInputError('input.inspectedOn', `must not be after today (${today} in ${station.timezone})`, 'IN_FUTURE', { today, timeZone: station.timezone });
    const result = items.every((i) => i.passed) ? InspectionResult.PASSED : InspectionResult.FAILED;
    if (args.activate && result !== InspectionResult.PASSED) throw new BadInputError('activate', 'only a PASSED inspection can activate a station', 'STATION_NEEDS_PASSED_INSPECTION');
    if (args.activate && station.status !== StationStatus.PLANNED) throw new BadInputError('activate', `the station is ${station.status}, not PLANNED`, 'STATION_NOT_PLANNED', { stationStatus: station.status });
    const inspection = t.create(StationInspection, {
      station: station.id,
      standard: args.input.standard,
      items,
      inspectorName: args.input.inspectorName,
      inspectorId: access.userId,
      inspectedOn: args.input.inspectedOn,
      result,
      notes: args.input.notes ?? null,
    } as never);
    await t.flush();
    if (args.activate) await updateStation(t, station.id, args.version!, { status: StationStatus.ACTIVE }, access);
    return inspection;
  });
}

/**
 * Sets a station's stars and replaces its titles, if its version is still `version` (CONFLICT otherwise; the
 * version goes up even when only titles change, so two graders never both win). BAD_USER_INPUT on `input.stars`
 * outside 1–5, `input.titles[i].year` outside 1990..this year or repeated for a level, `input.titles` over 50.
 */
export async function gradeStation(em: EntityManager, id: string, version: number, input: StationGradeInput): Promise<Station> {
  // stars 1–5 and at most 50 titles: the input's @NumberRule and @ListRule. A title's year depends on today, so it is checked here.
  const thisYear = DateTime.now().setZone('Asia/Shanghai').year;
  const keys = new Set<string>();
  input.titles.forEach((t, i) => {
    assertIntRange(t.year, 1990, thisYear, `input.titles[${i}].year`);
    const key = `${t.level}:${t.year}`;
    if (keys.has(key)) throw new BadInputError(`input.titles[${i}].year`, `a ${t.level} title of ${t.year} is listed twice`, 'LISTED_TWICE', { value: `${t.level} ${t.year}` });
    keys.add(key);
  });
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const station = await getStation(t, id);
    await t.lock(station, LockMode.OPTIMISTIC, version);
    station.gradeStars = input.stars ?? null;
    // Always a change, so the update carries `where version = ?` and a concurrent grade fails with CONFLICT.
    station.updatedAt = new Date();
    const old = await t.find(StationTitle, { station: id });
    for (const o of old) t.remove(o);
    await t.flush();
    for (const title of input.titles) {
      t.create(StationTitle, { station: id, level: title.level, year: title.year, awardingBody: title.awardingBody, source: title.source ?? null } as never);
    }
    await t.flush();
    return station;
  });
}

/** The inspections of a station, newest first (at most 100). */
export function inspectionsOf(em: EntityManager, stationId: string): Promise<StationInspection[]> {
  return em.find(StationInspection, { station: stationId }, { orderBy: { inspectedOn: 'desc', createdAt: 'desc' }, limit: 100 });
}

/** People served per year at a station, oldest first, from its daily service logs (服务人次). */
export async function peopleServedByYear(em: EntityManager, stationId: string): Promise<{ year: number; peopleServed: number }[]> {
  const rows = await em.execute<{ year: number; n: string }[]>(
    `select extract(year from day)::int as year, sum(people_served) as n from service_log where station_id = ? group by 1 order by 1`,
    [stationId],
  );
  return rows.map((r) => ({ year: r.year, peopleServed: Number(r.n) }));
}

export type { LiuYouItem };
