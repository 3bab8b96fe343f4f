import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { ForbiddenError, Access } from '../auth/access';
import { assertValidTimezone, parseOpeningHours } from '../common/opening-hours';
import { assertRegionExists } from '../regions/region.service';
import { StationKind } from '../stations/station.enums';
import { createStation } from '../stations/station.service';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Campaign } from './campaign.entity';
import { CampaignFilter, CampaignInput, CampaignOrder, CampaignOrderField, ServicePointInput } from './campaign.inputs';
import { Conditions, idParam, idsParam, listPage } from '../common/list-query';
import { containsPattern, pgArray, SortDirection } from '../common/pagination';

const CAMPAIGN_ORDER: Record<CampaignOrderField, string> = {
  STARTS_AT: 'x.starts_at',
  ENDS_AT: 'x.ends_at',
  NAME: 'x.name',
  STATUS: 'x.status',
  CREATED_AT: 'x.created_at',
  UPDATED_AT: 'x.updated_at',
};

/**
 * The campaign list: ADMIN and OPERATOR (read only) see every campaign, a COORDINATOR those organized by their
 * organizations or joined by their teams; matching `filter`, sorted by `order` (default newest start first) then
 * id. BAD_USER_INPUT names the filter field at fault (`filter.ids[2]`, `filter.regionCodePrefix`).
 */
export async function listCampaigns(
  em: EntityManager,
  access: Access,
  filter: CampaignFilter | undefined,
  order: CampaignOrder | undefined,
  page: { limit: number; offset: number },
): Promise<{ nodes: Campaign[]; totalCount: number }> {
  const where = new Conditions();
  const ids = idsParam(filter?.ids, 'filter.ids');
  const teamId = idParam(filter?.teamId, 'filter.teamId');
  const stationId = idParam(filter?.stationId, 'filter.stationId');
  if (filter?.regionCodePrefix != null && !/^[0-9]{1,6}$/.test(filter.regionCodePrefix)) throw new BadInputError('filter.regionCodePrefix', 'must be 1 to 6 digits', 'REGION_CODE_PREFIX_FORMAT', { max: 6 });
  const scope = access.isOperator ? null : await access.campaignIds(em);
  if (scope !== null) where.add('x.id = any(?::uuid[])', pgArray(scope));
  if (ids) where.add('x.id = any(?::uuid[])', ids);
  if (filter?.statuses?.length) where.add('x.status = any(?::text[])', pgArray(filter.statuses));
  if (filter?.kinds?.length) where.add('x.kind = any(?::text[])', pgArray(filter.kinds));
  if (filter?.regionCodePrefix) where.add('x.region_code like ?', `${filter.regionCodePrefix}%`);
  if (filter?.activeAt) where.add('x.starts_at <= ? and x.ends_at > ?', filter.activeAt, filter.activeAt);
  if (teamId) where.add('exists (select 1 from campaign_teams ct where ct.campaign_id = x.id and ct.volunteer_team_id = ?)', teamId);
  if (stationId) where.add('exists (select 1 from campaign_stations cs where cs.campaign_id = x.id and cs.station_id = ?)', stationId);
  if (filter?.search) where.add('x.name ilike ?', containsPattern(filter.search));
  const field = order?.field ?? CampaignOrderField.STARTS_AT;
  return listPage(em, Campaign, 'campaign x', where, CAMPAIGN_ORDER[field], order?.direction ?? SortDirection.DESC, page);
}

/** Ids in `next` that are not in `current`: the references an input adds. */
export function added(next: readonly string[], current: readonly string[]): string[] {
  return next.filter((id) => !current.includes(id));
}

/**
 * Creates or changes a campaign: window (end after start), time zone, region, organizers, teams, stations.
 * Only its organizers change a campaign (a COORDINATOR whose team was only invited gets FORBIDDEN). Every
 * organization, team and station the input adds must be in the viewer's scope (NOT_FOUND naming the field), and a
 * COORDINATOR can neither drop an organizer outside their scope nor leave the campaign without one of theirs.
 */
export async function saveCampaign(em: EntityManager, access: Access, campaign: Campaign | null, input: CampaignInput): Promise<Campaign> {
  const c = campaign ?? new Campaign();
  if (!campaign) {
    for (const f of ['name', 'kind', 'startsAt', 'endsAt'] as const) if (input[f] == null) throw new BadInputError(`input.${f}`, 'is required', 'REQUIRED');
  } else if (!(await access.organizesCampaign(campaign.id, em))) {
    access.logDenied('organizer', { entity: 'Campaign', id: campaign.id });
    throw new ForbiddenError('Only the campaign\'s organizers may change it', 'CAMPAIGN_NOT_ORGANIZER');
  }
  const [orgsNow, teamsNow, stationsNow] = campaign
    ? await Promise.all([c.organizations.loadItems(), c.teams.loadItems(), c.stations.loadItems()]).then((l) => l.map((items) => items.map((x) => x.id)))
    : [[], [], []];
  if (input.organizationIds) await access.require('Organization', added(input.organizationIds, orgsNow), 'input.organizationIds', em);
  if (input.teamIds) await access.require('VolunteerTeam', added(input.teamIds, teamsNow), 'input.teamIds', em);
  if (input.stationIds) await access.require('Station', added(input.stationIds, stationsNow), 'input.stationIds', em);
  if (!access.isAdmin) {
    const mine = await access.organizationScope(em);
    const next = input.organizationIds ?? orgsNow;
    if (!next.some((id) => mine.has(id))) throw new BadInputError('input.organizationIds', 'include at least one of your organizations', 'CAMPAIGN_ORGANIZER_REQUIRED');
    const dropped = orgsNow.find((id) => !mine.has(id) && !next.includes(id));
    if (dropped) throw new BadInputError('input.organizationIds', `organization ${dropped} organizes the campaign too and is not yours to remove`, 'CAMPAIGN_ORGANIZER_NOT_YOURS', { id: dropped });
  }
  if (input.name !== undefined) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'must not be empty', 'EMPTY');
    c.name = input.name.trim();
  }
  if (input.kind) c.kind = input.kind;
  if (input.startsAt) c.startsAt = input.startsAt;
  if (input.endsAt) c.endsAt = input.endsAt;
  if (c.endsAt <= c.startsAt) throw new BadInputError('input.endsAt', 'must be after startsAt', 'MUST_BE_AFTER', { other: 'startsAt' });
  if (c.endsAt.getTime() - c.startsAt.getTime() > 366 * 86_400_000) throw new BadInputError('input.endsAt', 'a campaign lasts at most a year', 'CAMPAIGN_TOO_LONG');
  if (input.timezone) {
    assertValidTimezone(input.timezone, 'input.timezone');
    c.timezone = input.timezone;
  }
  if (input.regionCode !== undefined) {
    if (input.regionCode) await assertRegionExists(em, input.regionCode, 'input.regionCode');
    c.regionCode = input.regionCode || null;
  }
  if (input.status) c.status = input.status;
  if (input.goals) c.goals = input.goals.map((g) => ({ name: g.name.trim(), unit: g.unit.trim(), target: g.target }));
  if (input.description !== undefined) c.description = input.description?.trim() || null;
  const byIds = async <T extends object>(cls: new () => T, ids: string[]) => em.find(cls, { id: { $in: [...new Set(ids)] } } as never);
  if (input.organizationIds) c.organizations.set(await byIds(Organization, input.organizationIds));
  if (input.teamIds) c.teams.set(await byIds(VolunteerTeam, input.teamIds));
  if (input.stationIds) c.stations.set(await byIds(Station, input.stationIds));
  em.persist(c);
  await em.flush();
  return c;
}

/** Creates a temporary SERVICE_POINT station for a campaign (valid during its window unless given) and links it. */
export async function addServicePoint(em: EntityManager, campaign: Campaign, input: ServicePointInput): Promise<Station> {
  const openingHours = input.openingHours?.trim() || '24/7';
  parseOpeningHours(openingHours, 'input.openingHours');
  const orgs = await campaign.organizations.loadItems();
  const provenance = {
    source: `campaign:${campaign.name}`,
    sourceDatum: input.location.crs ?? 'WGS84',
    verifiedFields: [],
    inferredFields: input.approximateNote ? ['location'] : [],
    notes: input.approximateNote ? [`location approximate: ${input.approximateNote}`] : [],
    needsReview: Boolean(input.approximateNote),
  };
  const station = await createStation(
    em,
    {
      kind: StationKind.SERVICE_POINT,
      name: input.name,
      address: input.address,
      location: input.location,
      amenities: input.amenities,
      openingHours,
      operatorOrganizationId: orgs[0]?.id ?? null,
      validFrom: input.validFrom ?? campaign.startsAt,
      validUntil: input.validUntil ?? campaign.endsAt,
    } as never,
    provenance as never,
  );
  campaign.stations.add(station);
  await em.flush();
  return station;
}

// ---- Shifts ---------------------------------------------------------------------------------------------------
