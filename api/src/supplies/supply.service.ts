import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { assertUuid } from '../common/ids';
import { pgArray, SortDirection } from '../common/pagination';
import { idParam, idsParam } from '../common/list-query';
import { ServiceLogOrderField, SupplyTallyOrderField, type ServiceLogFilter, type ServiceLogOrder, type SupplyTallyFilter, type SupplyTallyOrder } from './supply.inputs';
import type { Context } from '../context';
import type { SupplyTotal } from './supply.resolver';
import { DateTime } from 'luxon';
import { Access } from '../auth/access';
import { Campaign } from '../campaigns/campaign.entity';
import { Shift } from '../shifts/shift.entity';
import { ServiceLog, SupplyItem, SupplyTally } from './supply.entity';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records supplies handed out at a station on a day (several items at once), optionally during a shift at that
 * station. The station's access is checked by the caller; the shift and every item go through the access policy
 * (NOT_FOUND naming the field), and a campaign's supply is handed out only at that campaign's points.
 */
export async function recordSupplies(
  em: EntityManager,
  access: Access,
  input: { stationId: string; day: string; shiftId?: string | null; items: { itemId: string; quantity: number }[] },
  userId: string | null,
): Promise<SupplyTally[]> {
  assertUuid(input.stationId, 'stationId');
  if (!DAY.test(input.day) || !DateTime.fromISO(input.day).isValid) throw new BadInputError('day', 'must be a date YYYY-MM-DD', 'NOT_A_DATE');
  // 1–100 items, each quantity 1–1000000: the arguments' @ListRule and @NumberRule.
  input.items.forEach((i, n) => assertUuid(i.itemId, `items[${n}].itemId`));
  await access.require('Shift', input.shiftId, 'shiftId', em);
  const inScope = await access.idsInScope('SupplyItem', input.items.map((i) => i.itemId), em);
  input.items.forEach((i, n) => {
    if (!inScope.has(i.itemId)) access.notFound('SupplyItem', i.itemId, `items[${n}].itemId`);
  });
  if (input.shiftId) {
    const [shift] = await em.execute<{ station_id: string }[]>(`select station_id from shift where id = ?`, [input.shiftId]);
    if (shift.station_id !== input.stationId) throw new BadInputError('shiftId', 'the shift is at another station', 'SHIFT_AT_OTHER_STATION');
  }
  const items = await em.find(SupplyItem, { id: { $in: [...inScope] } });
  // A campaign's supply is handed out at that campaign's points only.
  const points = await em.execute<{ campaign_id: string }[]>(`select campaign_id from campaign_stations where station_id = ?`, [input.stationId]);
  for (const [n, i] of input.items.entries()) {
    const item = items.find((x) => x.id === i.itemId)!;
    if (item.campaign && !points.some((p) => p.campaign_id === item.campaign!.id)) {
      throw new BadInputError(`items[${n}].itemId`, 'this supply belongs to a campaign the station does not serve', 'SUPPLY_OTHER_CAMPAIGN');
    }
  }
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const out = input.items.map((i, n) => {
      return t.create(SupplyTally, {
        item: items.find((x) => x.id === i.itemId)!.id,
        station: input.stationId,
        shift: input.shiftId ?? null,
        day: input.day,
        quantity: i.quantity,
        recordedById: userId,
      } as never);
    });
    await t.flush();
    return out;
  });
}

/**
 * Sets the people served (服务人次) at a station on a day; a second entry for the same day replaces the first.
 * The station's access is checked by the caller; `campaignId` goes through the access policy (NOT_FOUND naming
 * it) and must be a campaign the station serves (BAD_USER_INPUT otherwise), so nobody books visits against a
 * campaign that is not theirs.
 */
export async function recordServiceLog(em: EntityManager, access: Access, input: { stationId: string; day: string; peopleServed: number; campaignId?: string | null }): Promise<ServiceLog> {
  assertUuid(input.stationId, 'stationId');
  if (!DAY.test(input.day) || !DateTime.fromISO(input.day).isValid) throw new BadInputError('day', 'must be a date YYYY-MM-DD', 'NOT_A_DATE');
  // peopleServed 0–1000000: the argument's @NumberRule.
  await access.require('Campaign', input.campaignId, 'campaignId', em);
  if (input.campaignId) {
    const [linked] = await em.execute<{ n: number }[]>(`select count(*)::int as n from campaign_stations where campaign_id = ? and station_id = ?`, [input.campaignId, input.stationId]);
    if (!linked.n) throw new BadInputError('campaignId', 'the station does not serve this campaign', 'STATION_NOT_IN_CAMPAIGN');
  }
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    await t.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`service_log:${input.stationId}:${input.day}`]);
    let log = await t.findOne(ServiceLog, { station: input.stationId, day: input.day });
    if (!log) log = t.create(ServiceLog, { station: input.stationId, day: input.day, peopleServed: input.peopleServed, campaign: input.campaignId ?? null } as never);
    else {
      log.peopleServed = input.peopleServed;
      if (input.campaignId !== undefined) log.campaign = input.campaignId ? t.getReference(Campaign, input.campaignId, { wrapped: true }) : null;
    }
    await t.flush();
    return log;
  });
}

/**
 * The stations whose supplies and people served the viewer may read, as a condition on alias `s` — the rule of
 * `assertCanRecordAt` for a whole list: ADMIN every station; an OPERATOR those operated or hosted by their
 * organization scope; a COORDINATOR those serving one of their campaigns; anyone else none.
 */
export async function recordableStationsSql(access: Access, em?: EntityManager): Promise<{ text: string; params: unknown[] }> {
  if (access.isAdmin) return { text: 'true', params: [] };
  if (access.isOperator) {
    const orgs = pgArray([...(await access.organizationScope(em))]);
    return { text: '(s.operator_organization_id = any(?::uuid[]) or s.host_organization_id = any(?::uuid[]))', params: [orgs, orgs] };
  }
  if (access.isCoordinator) {
    const campaigns = pgArray((await access.campaignIds(em)) ?? []);
    return { text: 'exists (select 1 from campaign_stations cs where cs.station_id = s.id and cs.campaign_id = any(?::uuid[]))', params: [campaigns] };
  }
  return { text: 'false', params: [] };
}

/**
 * Who may record or read supplies and people served at a station: ADMIN, an OPERATOR who may edit the station,
 * or a COORDINATOR of a campaign the station serves. NOT_FOUND naming `stationId` otherwise (as for a station that
 * does not exist).
 */
export async function assertCanRecordAt(ctx: Context, stationId: string): Promise<void> {
  assertUuid(stationId, 'stationId');
  if (ctx.access.isAdmin) return ctx.access.require('Station', stationId, 'stationId');
  if (ctx.access.isOperator) return ctx.access.require('Station', stationId, 'stationId');
  const campaigns = (await ctx.access.campaignIds()) ?? [];
  const [linked] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from campaign_stations where station_id = ? and campaign_id = any(?::uuid[])`, [stationId, pgArray(campaigns)]);
  if (!linked.n) ctx.access.notFound('Station', stationId, 'stationId');
}

/** Supplies handed out over a campaign, per item (its own items), in one statement plus one load of the items. */
export async function supplyTotals(em: EntityManager, campaignId: string): Promise<SupplyTotal[]> {
  const rows = await em.execute<{ item_id: string; q: number }[]>(
    `select t.item_id, sum(t.quantity)::int as q from supply_tally t join supply_item i on i.id = t.item_id where i.campaign_id = ? group by t.item_id`,
    [campaignId],
  );
  const items = await em.find(SupplyItem, { id: { $in: rows.map((r) => r.item_id) } });
  return rows.map((r) => ({ item: items.find((i) => i.id === r.item_id)!, quantity: r.q }));
}

/** People served (服务人次) logged for a campaign: the sum of its service-log entries, 0 when none. */
export async function peopleServed(em: EntityManager, campaignId: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(`select coalesce(sum(people_served), 0)::int as n from service_log where campaign_id = ?`, [campaignId]);
  return row.n;
}

const SERVICE_LOG_ORDER: Record<ServiceLogOrderField, string> = {
  [ServiceLogOrderField.DAY]: 'day',
  [ServiceLogOrderField.PEOPLE_SERVED]: 'peopleServed',
  [ServiceLogOrderField.CREATED_AT]: 'createdAt',
  [ServiceLogOrderField.UPDATED_AT]: 'updatedAt',
};

/**
 * The people-served entries of `stationId` from `from` to `to` (local dates, inclusive) matching `filter`
 * (BAD_USER_INPUT naming `filter.ids[i]` or `filter.campaignId` for a non-UUID), sorted by `order` then id in
 * the same direction, at most `limit`. The station's access is checked by the caller.
 */
export async function listServiceLogs(em: EntityManager, stationId: string, from: string, to: string, filter: ServiceLogFilter | undefined, order: ServiceLogOrder | undefined, limit: number): Promise<ServiceLog[]> {
  const where: Record<string, unknown> = { station: stationId, day: { $gte: from, $lte: to } };
  if (idsParam(filter?.ids, 'filter.ids')) where.id = { $in: filter!.ids };
  const campaignId = idParam(filter?.campaignId, 'filter.campaignId');
  if (campaignId) where.campaign = campaignId;
  const dir = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
  return em.find(ServiceLog, where, { orderBy: { [SERVICE_LOG_ORDER[order?.field ?? ServiceLogOrderField.DAY]]: dir, id: dir }, limit });
}

/**
 * The supply entries at `stationId` from `from` to `to` (local dates, inclusive) matching `filter`
 * (BAD_USER_INPUT naming `filter.…` for a non-UUID), sorted by `order` (DAY: then creation) then id in the same
 * direction, at most `limit`. The station's access is checked by the caller.
 */
export async function listSupplyTallies(em: EntityManager, stationId: string, from: string, to: string, filter: SupplyTallyFilter | undefined, order: SupplyTallyOrder | undefined, limit: number): Promise<SupplyTally[]> {
  const where: Record<string, unknown> = { station: stationId, day: { $gte: from, $lte: to } };
  if (idsParam(filter?.ids, 'filter.ids')) where.id = { $in: filter!.ids };
  const itemId = idParam(filter?.itemId, 'filter.itemId');
  if (itemId) where.item = itemId;
  const shiftId = idParam(filter?.shiftId, 'filter.shiftId');
  if (shiftId) where.shift = shiftId;
  const dir: 'asc' | 'desc' = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
  const field = order?.field ?? SupplyTallyOrderField.DAY;
  const orderBy = field === SupplyTallyOrderField.DAY ? { day: dir, createdAt: dir, id: dir } : field === SupplyTallyOrderField.QUANTITY ? { quantity: dir, id: dir } : { createdAt: dir, id: dir };
  return em.find(SupplyTally, where, { orderBy, limit });
}
