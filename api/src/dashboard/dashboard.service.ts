import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { Access } from '../auth/access';
import { Campaign } from '../campaigns/campaign.entity';
import { BadInputError } from '../common/errors';
import { DEFAULT_TIMEZONE } from '../common/opening-hours';
import { pgArray } from '../common/pagination';
import type { Sql } from '../db/prepared';
import { Station } from '../stations/station.entity';
import type { StationKind, StationStatus } from '../stations/station.enums';
import type { TitleLevel } from '../station-grading/grading.entity';
import { readStationDataVersion } from '../tiles/tiles';
import type { Dashboard } from './dashboard.types';

/**
 * The station sets of the dashboard, asked of the access policy (ctx.access), as SQL conditions on alias `s`:
 * - `listed`: the stations the caller's `stations` list shows (an OPERATOR: operated or hosted by their
 *   organization scope; ADMIN and COORDINATOR: all);
 * - `recorded`: where the caller may record and read people served (ADMIN all; an OPERATOR their stations; a
 *   COORDINATOR the stations of their organization scope or serving their campaigns, as access.idsInScope);
 * and `shifts` on alias `sh`: the shifts in scope (ADMIN all; COORDINATOR their campaigns'; OPERATOR those at
 * their stations).
 */
async function scopes(em: EntityManager, access: Access): Promise<{ listed: Sql; recorded: Sql; shifts: Sql; campaignIds: string[] | null }> {
  const all: Sql = { text: 'true', params: [] };
  if (access.isAdmin) return { listed: all, recorded: all, shifts: all, campaignIds: null };
  const orgs = pgArray([...(await access.organizationScope(em))]);
  const campaignIds = (await access.campaignIds(em)) ?? [];
  const ownStation = (a: string): Sql => ({ text: `(${a}.operator_organization_id = any(?::uuid[]) or ${a}.host_organization_id = any(?::uuid[]))`, params: [orgs, orgs] });
  if (access.isOperator) {
    const own = ownStation('s');
    const st = ownStation('st');
    return { listed: own, recorded: own, shifts: { text: `exists (select 1 from station st where st.id = sh.station_id and ${st.text})`, params: st.params }, campaignIds };
  }
  const own = ownStation('s');
  return {
    listed: (await access.stationListScope(em)) ? own : all,
    recorded: {
      text: `(${own.text} or exists (select 1 from campaign_stations cs where cs.station_id = s.id and cs.campaign_id = any(?::uuid[])))`,
      params: [...own.params, pgArray(campaignIds)],
    },
    shifts: { text: 'sh.campaign_id = any(?::uuid[])', params: [pgArray(campaignIds)] },
    campaignIds,
  };
}

type StationGroup = { kind: StationKind | null; status: StationStatus | null; region_code: string | null; review: boolean | null; g: number; n: number };

/** The station pass of the last dashboards, by database, scope and station data version (at most 64 scopes). */
const stationPasses = new Map<string, { version: string; groups: StationGroup[]; sampleIds: { id: string }[] }>();

/**
 * The station reads of the dashboard: counts by kind × status, county and needs-review (GROUPING SETS), a scan of
 * every station in scope (an ADMIN's or a COORDINATOR's: all of them; ~0.7 s at 1M on PostgreSQL), and the first
 * five stations needing review (the partial index station_needs_review_idx). They are kept under the stations' data version (tiles.ts,
 * `readStationDataVersion`), read first, so the next dashboard of the same scope is answered without a scan
 * until a station changes, and never with counts older than the last committed change.
 */
async function stationPass(em: EntityManager, listed: Sql, review: string): Promise<{ groups: StationGroup[]; sampleIds: { id: string }[] }> {
  const version = await readStationDataVersion(em);
  const key = JSON.stringify([em.config.get('clientUrl'), em.config.get('dbName'), listed.text, listed.params]);
  const cached = stationPasses.get(key);
  if (cached && cached.version === version) return cached;
  const groups = await em.execute<StationGroup[]>(
    `select s.kind, s.status, s.region_code, ${review} as review, grouping(s.kind, s.status, s.region_code, ${review})::int as g, count(*)::int as n
       from station s where ${listed.text}
      group by grouping sets ((s.kind, s.status), (s.region_code), (${review}))`,
    listed.params,
  );
  const sampleIds = await em.execute<{ id: string }[]>(`select s.id from station s where ${listed.text} and ${review} order by s.name, s.id limit 5`, listed.params);
  if (stationPasses.size >= 64) stationPasses.clear();
  stationPasses.set(key, { version, groups, sampleIds });
  return { groups, sampleIds };
}

/** The month asked for (`YYYY-MM`, 2000–2100), default the current one in Asia/Shanghai; BAD_USER_INPUT on `month`. */
export function dashboardMonth(month: string | null | undefined, now = new Date()): DateTime {
  if (month == null) return DateTime.fromJSDate(now, { zone: DEFAULT_TIMEZONE }).startOf('month');
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const start = m ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: DEFAULT_TIMEZONE }) : null;
  if (!start?.isValid) throw new BadInputError('month', 'must be a month YYYY-MM', 'NOT_A_MONTH', { value: month });
  if (start.year < 2000 || start.year > 2100) throw new BadInputError('month', 'must be in the years 2000–2100', 'YEAR_RANGE', { min: 2000, max: 2100 });
  return start;
}

/**
 * Builds the dashboard in a fixed number of statements whatever the number of stations: one pass over the
 * stations in scope (kind × status, county, needs-review by GROUPING SETS), one over the titles, one over the
 * month's and year's service logs (index on day), one over current campaigns and their shifts, one over the
 * year's completed assignments, and two small reads (review sample, campaigns).
 */
export async function buildDashboard(em: EntityManager, access: Access, monthArg?: string | null): Promise<Dashboard> {
  const month = dashboardMonth(monthArg);
  const next = month.plus({ months: 1 });
  const yearStart = month.startOf('year');
  const { listed, recorded, shifts, campaignIds } = await scopes(em, access);

  const review = `coalesce((s.provenance->>'needsReview')::boolean, false)`;
  const { groups, sampleIds } = await stationPass(em, listed, review);
  // grouping() bits, most significant first: kind, status, region_code, review (1 = not grouped by it).
  const byKindStatus = groups.filter((r) => r.g === 0b0011).map((r) => ({ kind: r.kind!, status: r.status!, count: r.n }));
  const byCounty = groups.filter((r) => r.g === 0b1101);
  const stationCount = byKindStatus.reduce((a, r) => a + r.count, 0);
  const stationsNeedingReview = groups.find((r) => r.g === 0b1110 && r.review === true)?.n ?? 0;

  const codes = byCounty.map((r) => r.region_code).filter((c): c is string => c != null);
  const regions = codes.length
    ? await em.execute<{ code: string; name: string; lng: number | null; lat: number | null }[]>(
        `select trim(code) as code, name, ST_X(centre::geometry) as lng, ST_Y(centre::geometry) as lat from region where code = any(?::bpchar[])`,
        [pgArray(codes)],
      )
    : [];
  const regionBy = new Map(regions.map((r) => [r.code, r]));
  const countyCounts = byCounty
    .map((r) => {
      const code = r.region_code?.trim() ?? null;
      const region = code ? regionBy.get(code) : undefined;
      return { regionCode: code, name: region?.name ?? null, lng: region?.lng ?? null, lat: region?.lat ?? null, count: r.n };
    })
    .sort((a, b) => b.count - a.count || String(a.regionCode).localeCompare(String(b.regionCode)));

  const sample = new Map((await em.find(Station, { id: { $in: sampleIds.map((r) => r.id) } })).map((s) => [s.id, s]));

  const titles = await em.execute<{ level: TitleLevel; n: number }[]>(
    `select t.level, count(*)::int as n from station_title t join station s on s.id = t.station_id where ${listed.text} group by t.level order by t.level`,
    listed.params,
  );

  const served = await em.execute<{ region_code: string | null; name: string | null; month: string | null; year: string }[]>(
    `select trim(s.region_code) as region_code, r.name,
            sum(l.people_served) filter (where l.day >= ?::date) as month, sum(l.people_served) as year
       from service_log l join station s on s.id = l.station_id left join region r on r.code = s.region_code
      where l.day >= ?::date and l.day < ?::date and ${recorded.text}
      group by s.region_code, r.name order by year desc, s.region_code`,
    [month.toISODate(), yearStart.toISODate(), next.toISODate(), ...recorded.params],
  );
  const peopleServedByRegion = served.map((r) => ({ regionCode: r.region_code, name: r.name, month: Number(r.month ?? 0), year: Number(r.year) }));

  const tz = `c.timezone`;
  const night = `(extract(hour from sh.starts_at at time zone ${tz}) >= 18 or extract(hour from sh.starts_at at time zone ${tz}) < 6
                  or (sh.starts_at at time zone ${tz})::date <> ((sh.ends_at - interval '1 millisecond') at time zone ${tz})::date)`;
  const short = `sh.filled_count < sh.min_volunteers and sh.ends_at > now()`;
  const campaignRows = await em.execute<{ id: string; shifts: number; filled: number; capacity: number; short: number; short_night: number }[]>(
    `select c.id, count(sh.id)::int as shifts, coalesce(sum(sh.filled_count), 0)::int as filled, coalesce(sum(sh.max_volunteers), 0)::int as capacity,
            (count(sh.id) filter (where ${short}))::int as short, (count(sh.id) filter (where ${short} and ${night}))::int as short_night
       from campaign c left join shift sh on sh.campaign_id = c.id and ${shifts.text}
      where c.status <> 'CLOSED' and c.ends_at > now() ${campaignIds ? 'and c.id = any(?::uuid[])' : ''}
      group by c.id, c.starts_at order by c.starts_at, c.id limit 20`,
    [...shifts.params, ...(campaignIds ? [pgArray(campaignIds)] : [])],
  );
  const campaignsById = new Map((await em.find(Campaign, { id: { $in: campaignRows.map((r) => r.id) } })).map((c) => [c.id, c]));

  const [hours] = await em.execute<{ month: string; year: string }[]>(
    `select coalesce(sum(a.hours_credited) filter (where sh.starts_at >= ?::timestamptz), 0) as month, coalesce(sum(a.hours_credited), 0) as year
       from shift_assignment a join shift sh on sh.id = a.shift_id
      where a.status = 'COMPLETED' and sh.starts_at >= ?::timestamptz and sh.starts_at < ?::timestamptz and ${shifts.text}`,
    [month.toISO(), yearStart.toISO(), next.toISO(), ...shifts.params],
  );

  return {
    month: month.toFormat('yyyy-MM'),
    year: month.year,
    stationCount,
    stationsByKindStatus: byKindStatus.sort((a, b) => a.kind.localeCompare(b.kind) || a.status.localeCompare(b.status)),
    stationsNeedingReview,
    reviewSample: sampleIds.map((r) => sample.get(r.id)!).filter(Boolean),
    plannedStations: byKindStatus.filter((r) => r.status === 'PLANNED').reduce((a, r) => a + r.count, 0),
    countyCounts,
    titlesByLevel: titles.map((t) => ({ level: t.level, count: t.n })),
    peopleServedMonth: peopleServedByRegion.reduce((a, r) => a + r.month, 0),
    peopleServedYear: peopleServedByRegion.reduce((a, r) => a + r.year, 0),
    peopleServedByRegion: peopleServedByRegion.slice(0, 100),
    campaigns: campaignRows.map((r) => ({
      campaign: campaignsById.get(r.id)!,
      shifts: r.shifts,
      filled: r.filled,
      capacity: r.capacity,
      fillRate: r.capacity ? r.filled / r.capacity : 0,
      understaffedShifts: r.short,
      understaffedNightShifts: r.short_night,
    })),
    volunteerHoursMonth: Number(hours?.month ?? 0),
    volunteerHoursYear: Number(hours?.year ?? 0),
  };
}
