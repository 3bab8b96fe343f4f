import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { ForbiddenError } from '../auth/access';
import { Role } from '../auth/user.entity';
import { pgArray } from '../common/pagination';

/**
 * Who may act on scheduling data (issue "Volunteer teams, campaigns and harvest-season shift scheduling",
 * under the access rules of "Accounts, roles, API keys and hardening"):
 * - ADMIN: everything.
 * - COORDINATOR: the teams whose organization is in their organization scope (their organizations and those
 *   below them), the volunteers who are members of those teams, and the campaigns organized by an organization
 *   in scope or joined by one of those teams (with the campaign's shifts, assignments, supplies and logs).
 * - OPERATOR: supplies and people-served entries for stations they may edit.
 * Anything out of scope answers NOT_FOUND (logged), like stations.
 */
export class SchedulingScope {
  /** Per-request answers for the request's own EntityManager (a transaction's EntityManager asks afresh). */
  private teams: Promise<string[] | null> | null = null;
  private campaigns: Promise<string[] | null> | null = null;

  constructor(
    private readonly access: Access,
    private readonly em: EntityManager,
  ) {}

  get isAdmin(): boolean {
    return this.access.isAdmin;
  }

  /** The signed-in ADMIN or COORDINATOR, else FORBIDDEN/UNAUTHENTICATED. */
  requireCoordinator(): void {
    this.access.requireRole(Role.ADMIN, Role.COORDINATOR);
  }

  private async orgScope(em: EntityManager): Promise<string[]> {
    return [...(await this.access.organizationScope(em))];
  }

  /** Whether the viewer coordinates a team of organization `organizationId`. */
  async coversOrganization(organizationId: string, em: EntityManager = this.em): Promise<boolean> {
    if (this.isAdmin) return true;
    if (this.access.viewer.kind !== 'USER' || this.access.viewer.role !== Role.COORDINATOR) return false;
    return (await this.orgScope(em)).includes(organizationId);
  }

  /** Team ids the viewer coordinates (null = all, for ADMIN); asked once per request. */
  teamIds(em: EntityManager = this.em): Promise<string[] | null> {
    if (em !== this.em) return this.loadTeamIds(em);
    this.teams ??= this.loadTeamIds(em);
    return this.teams;
  }

  private async loadTeamIds(em: EntityManager): Promise<string[] | null> {
    if (this.isAdmin) return null;
    if (this.access.viewer.kind !== 'USER' || this.access.viewer.role !== Role.COORDINATOR) return [];
    const orgs = await this.orgScope(em);
    if (!orgs.length) return [];
    const rows = await em.execute<{ id: string }[]>(`select id from volunteer_team where organization_id = any(?::uuid[])`, [pgArray(orgs)]);
    return rows.map((r) => r.id);
  }

  /** Campaign ids the viewer coordinates (null = all, for ADMIN); asked once per request. */
  campaignIds(em: EntityManager = this.em): Promise<string[] | null> {
    if (em !== this.em) return this.loadCampaignIds(em);
    this.campaigns ??= this.loadCampaignIds(em);
    return this.campaigns;
  }

  private async loadCampaignIds(em: EntityManager): Promise<string[] | null> {
    if (this.isAdmin) return null;
    if (this.access.viewer.kind !== 'USER' || this.access.viewer.role !== Role.COORDINATOR) return [];
    const orgs = await this.orgScope(em);
    if (!orgs.length) return [];
    const rows = await em.execute<{ id: string }[]>(
      `select campaign_id as id from campaign_organizations where organization_id = any(?::uuid[])
       union
       select ct.campaign_id from campaign_teams ct join volunteer_team t on t.id = ct.volunteer_team_id where t.organization_id = any(?::uuid[])`,
      [pgArray(orgs), pgArray(orgs)],
    );
    return rows.map((r) => r.id);
  }

  async coversCampaign(campaignId: string, em: EntityManager = this.em): Promise<boolean> {
    const ids = await this.campaignIds(em);
    return ids === null || ids.includes(campaignId);
  }

  /** Whether the viewer coordinates a team the volunteer belongs to (the rule for seeing a phone in full). */
  async coversVolunteer(volunteerId: string, em: EntityManager = this.em): Promise<boolean> {
    const teams = await this.teamIds(em);
    if (teams === null) return true;
    if (!teams.length) return false;
    const [row] = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from volunteer_team_members where volunteer_id = ? and volunteer_team_id = any(?::uuid[])`,
      [volunteerId, pgArray(teams)],
    );
    return row.n > 0;
  }

  /** NOT_FOUND (logged) unless the viewer coordinates the campaign. */
  async assertCampaign(campaignId: string, em: EntityManager = this.em): Promise<void> {
    if (!(await this.coversCampaign(campaignId, em))) this.access.notFound('Campaign', campaignId);
  }

  async assertTeam(teamId: string, organizationId: string, em: EntityManager = this.em): Promise<void> {
    if (!(await this.coversOrganization(organizationId, em))) this.access.notFound('VolunteerTeam', teamId);
  }

  async assertVolunteer(volunteerId: string, em: EntityManager = this.em): Promise<void> {
    if (!(await this.coversVolunteer(volunteerId, em))) this.access.notFound('Volunteer', volunteerId);
  }

  /**
   * For the volunteer-facing operations (sign up, cancel, check in/out): ADMIN, a COORDINATOR of the campaign, or
   * an API key with the VOLUNTEER_APP scope. FORBIDDEN/UNAUTHENTICATED otherwise; NOT_FOUND for a campaign out of scope.
   */
  async assertVolunteerOperation(campaignId: string, em: EntityManager = this.em): Promise<void> {
    const v = this.access.viewer;
    if (v.kind === 'API_KEY') {
      if (!v.scopes.includes('VOLUNTEER_APP' as never)) throw new ForbiddenError('This API key lacks the VOLUNTEER_APP scope');
      return;
    }
    this.requireCoordinator();
    await this.assertCampaign(campaignId, em);
  }
}

/** `138****5596`: the first 3 and last 4 digits of a phone number, the rest as asterisks. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
