import { regionPrefix } from '../dataProvider';

/** The reports the API streams (`GET /exports/<report>.<format>`, README "Reports and exports"). */
export type ExportReport = 'stations' | 'signups' | 'hours' | 'served' | 'supplies';
export type ExportFormat = 'xlsx' | 'csv' | 'geojson' | 'hsds';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The station list's filter values → the `filter` argument of the `stations` list (the mapping the data
 * provider's list query uses: `q` → `search`, a full region code → its prefix, the map's `within` box).
 */
export function stationFilterParam(values: Record<string, any> = {}): Record<string, unknown> {
  const { q, regionCodePrefix, within, kinds, statuses, amenities, needsReview, hostOrganizationId, operatorOrganizationId } = values;
  const out: Record<string, unknown> = { kinds, statuses, amenities, needsReview, hostOrganizationId, operatorOrganizationId };
  if (typeof q === 'string' && q.trim()) out.search = q.trim();
  if (typeof regionCodePrefix === 'string' && regionCodePrefix.trim()) out.regionCodePrefix = regionPrefix(regionCodePrefix.trim());
  if (within) out.within = { west: within.west, south: within.south, east: within.east, north: within.north };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => !isEmpty(v)));
}

/**
 * The URL of an export: plain arguments as they are, objects as JSON (the API reads each list's own
 * arguments from the query string). The browser sends the session cookie, so a link downloads it.
 */
export function exportUrl(report: ExportReport | 'roster', format: ExportFormat | 'html', args: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(args)) {
    if (isEmpty(v) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)) continue;
    params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const query = params.toString();
  return `/exports/${report}.${format}${query ? `?${query}` : ''}`;
}
