import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { Role } from '../auth/user.entity';
import { assertUuid } from '../common/ids';
import { Station } from '../stations/station.entity';
import { StationKind } from '../stations/station.enums';
import { stationOrganizations } from '../stations/station.service';
import { StationInspection, StationTitle, YearCount } from './grading.entity';
import { StationGradeInput, StationInspectionInput } from './grading.inputs';
import * as service from './grading.service';

type StationRoot = Pick<Station, 'id' | 'kind' | 'labels' | 'hostOrganization' | 'operatorOrganization'>;

/** Titles of many stations in one statement per request (lists ask for them row by row). */
const titleLoaders = new WeakMap<EntityManager, DataLoader<string, StationTitle[]>>();
function titlesLoader(em: EntityManager): DataLoader<string, StationTitle[]> {
  let l = titleLoaders.get(em);
  if (!l) {
    l = new DataLoader(async (ids: readonly string[]) => {
      const all = await em.find(StationTitle, { station: { $in: [...ids] } }, { orderBy: { year: 'desc', level: 'asc' } });
      return ids.map((id) => all.filter((t) => t.station.id === id));
    });
    titleLoaders.set(em, l);
  }
  return l;
}

/**
 * Station lifecycle and grading (issue 15 §4). Who: an ADMIN (the federation) inspects and grades stations; an
 * OPERATOR may not accept or grade their own stations (separation of duties), and reads the result like every
 * staff member. People served per year are shown to whoever may record them (ctx.access: an ADMIN, the station's
 * OPERATOR, a COORDINATOR of a campaign it serves or of its organizations).
 */
@Resolver(() => Station)
export class StationGradingResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => StationInspection, {
    description:
      'ADMIN: records an acceptance inspection (六有 checklist, inspector, date; result PASSED when every item passed) and, with `activate`, turns the PLANNED station ACTIVE in the same transaction. NOT_FOUND on stationId; BAD_USER_INPUT naming the field (input.items, input.inspectedOn after today, activate with a FAILED result or a station not PLANNED, version missing); CONFLICT for a stale version. Nothing is written on a refusal.',
  })
  async recordStationInspection(
    @Arg('stationId', () => ID, { description: 'UUID of the inspected station.' }) stationId: string,
    @Arg('input', () => StationInspectionInput, { description: 'The checklist, inspector and date.' }) input: StationInspectionInput,
    @Ctx() ctx: Context,
    @Arg('activate', () => Boolean, { defaultValue: false, description: 'true: a PASSED inspection also makes the PLANNED station ACTIVE.' }) activate = false,
    @Arg('version', () => Int, { nullable: true, description: 'The station\'s current version; needed with `activate` (CONFLICT when stale).' }) version?: number | null,
  ): Promise<StationInspection> {
    assertUuid(stationId, 'stationId');
    await ctx.access.require('Station', stationId, 'stationId');
    return service.recordInspection(ctx.em, ctx.access, { stationId, input, activate, version });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Station, {
    description: 'ADMIN: sets a station\'s stars (1–5) and replaces its 优秀站点 titles, if its version is still `version` (CONFLICT otherwise). NOT_FOUND on id; BAD_USER_INPUT naming the field (input.stars, input.titles[i].year).',
  })
  async gradeStation(
    @Arg('id', () => ID, { description: 'UUID of the station.' }) id: string,
    @Arg('version', () => Int, { description: 'Its current version; CONFLICT when stale.' }) version: number,
    @Arg('input', () => StationGradeInput, { description: 'Stars and the whole list of titles.' }) input: StationGradeInput,
    @Ctx() ctx: Context,
  ): Promise<Station> {
    assertUuid(id, 'id');
    await ctx.access.require('Station', id, 'id');
    return service.gradeStation(ctx.em, id, version, input);
  }

  @FieldResolver(() => [StationKind], { description: 'Every kind the station is signposted as, `kind` first (e.g. a love station that is also a 货车司机之家 and a 快递小哥之家). `kind` stays the one public kind that nearbyStations filters on.' })
  labels(@Root() station: StationRoot): StationKind[] {
    return [station.kind, ...(station.labels ?? []).filter((k) => k !== station.kind)];
  }

  @FieldResolver(() => [StationTitle], { description: 'Its 优秀站点 titles, newest year first (public).' })
  titles(@Root() station: StationRoot, @Ctx() ctx: Context): Promise<StationTitle[]> {
    return titlesLoader(ctx.em).load(station.id);
  }

  @FieldResolver(() => [StationInspection], { nullable: true, description: 'Its acceptance inspections, newest first (at most 100). Null for callers other than staff.' })
  inspections(@Root() station: StationRoot, @Ctx() ctx: Context): Promise<StationInspection[]> | null {
    return ctx.access.isStaff ? service.inspectionsOf(ctx.em, station.id) : null;
  }

  @FieldResolver(() => [YearCount], { nullable: true, description: 'People served (服务人次) per year, oldest first, summed from the daily service logs. Null unless the caller may record them here (ADMIN, its OPERATOR, a COORDINATOR in scope). One statement per station: ask on one station at a time.' })
  async peopleServedByYear(@Root() station: StationRoot, @Ctx() ctx: Context): Promise<YearCount[] | null> {
    const may = ctx.access.isAdmin || (await ctx.access.canEditStation(stationOrganizations(station as Station))) || (ctx.access.isCoordinator && (await ctx.access.has('Station', station.id)));
    return may ? service.peopleServedByYear(ctx.em, station.id) : null;
  }
}
