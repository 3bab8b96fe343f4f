import type { TestServer } from './server';

/** Tables whose content a refused request must leave unchanged (sessions and key usage times excluded). */
const TABLES = [
  'station', 'organization', 'user_account', 'user_account_organizations', 'audit_event', 'idempotency_key', 'region',
  'volunteer', 'volunteer_team', 'volunteer_team_members', 'campaign', 'campaign_organizations', 'campaign_teams', 'campaign_stations',
  'shift', 'shift_assignment', 'supply_item', 'supply_tally', 'service_log',
];

/**
 * A fingerprint of everything a request could change: md5 of every row of the domain tables, plus API keys
 * without their last-used time. Equal digests before and after a refused request mean nothing was written.
 */
export async function databaseDigest(s: TestServer, opts: { skipRegions?: boolean } = {}): Promise<string> {
  const em = s.app.orm.em.fork();
  const parts: string[] = [];
  // The division table (thousands of rows with boundaries) has no mutation; skipping it makes a digest cheap.
  for (const t of opts.skipRegions ? TABLES.filter((t) => t !== 'region') : TABLES) {
    const [row] = await em.execute<{ d: string }[]>(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from ${t} x`);
    parts.push(`${t}:${row.d}`);
  }
  const [keys] = await em.execute<{ d: string }[]>(
    `select md5(coalesce(string_agg(concat_ws(',', id, name, revoked_at, quota_per_minute, version), '|' order by id), '')) as d from api_key`,
  );
  parts.push(`api_key:${keys.d}`);
  return parts.join(' ');
}
