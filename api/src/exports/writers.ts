import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { stringify } from 'csv-stringify';
import type { Context } from '../context';
import type { TableReport } from './reports';
import type { StationRow } from './reports';
import { zh } from './labels';

/** Writes `chunk`, waiting for `drain` when the client reads slower than the database answers. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Streams a table export as an Excel workbook (exceljs's streaming WorkbookWriter: each row is committed and
 * leaves memory once written): one sheet named after the report, bold Chinese headers, the header row frozen.
 */
export async function writeXlsx(out: Writable, report: TableReport, rows: AsyncGenerator<unknown[]>): Promise<void> {
  // Loaded on the first Excel export, not at start: exceljs is the largest module of the server (~0.1 s to load).
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Yizhan 驿站';
  const ws = wb.addWorksheet(report.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = report.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const batch of rows) {
    for (const row of batch) ws.addRow(report.columns.map((c) => c.value(row) ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * Streams a table export as CSV (RFC 4180, csv-stringify) with the same Chinese headers and values as the xlsx
 * export, UTF-8 with a byte-order mark so that Excel on Chinese Windows reads it as UTF-8 rather than GBK.
 */
export async function writeCsv(out: Writable, report: TableReport, rows: AsyncGenerator<unknown[]>): Promise<void> {
  const csv = stringify({ bom: true, header: true, columns: report.columns.map((c) => c.header) });
  csv.pipe(out, { end: false });
  for await (const batch of rows) {
    for (const row of batch) if (!csv.write(report.columns.map((c) => c.value(row) ?? ''))) await once(csv, 'drain');
  }
  csv.end();
  await once(csv, 'end');
}

/**
 * Streams stations as a GeoJSON FeatureCollection (RFC 7946): Point geometries in WGS-84 longitude, latitude
 * (decimal degrees, the only datum RFC 7946 allows, so no `crs` member), the station's fields as properties with
 * enum values as codes and their Chinese labels.
 */
export async function writeGeoJson(out: Writable, rows: AsyncGenerator<StationRow[]>): Promise<void> {
  await write(out, '{"type":"FeatureCollection","features":[');
  let first = true;
  for await (const batch of rows) {
    const text = batch
      .map((r) =>
        JSON.stringify({
          type: 'Feature',
          id: r.id,
          geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
          properties: {
            name: r.name,
            kind: r.kind,
            kindLabel: zh('StationKind', r.kind),
            status: r.status,
            address: r.address,
            regionCode: r.region_code,
            region: r.region_name,
            openingHours: r.opening_hours,
            amenities: r.amenities,
            phone: r.phone,
            operator: r.operator_name,
            host: r.host_name,
            timezone: r.timezone,
          },
        }),
      )
      .join(',');
    await write(out, (first ? '' : ',') + text);
    first = false;
  }
  await write(out, ']}');
}

/** A stable UUID for an HSDS record derived from one of ours (`kind` names the table), in UUID v5 layout. */
export function derivedUuid(kind: string, id: string): string {
  const h = createHash('sha1').update(`yizhan:${kind}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const HSDS_STATUS: Record<string, string> = { ACTIVE: 'active', TEMPORARILY_CLOSED: 'temporarily closed', RETIRED: 'defunct' };

/**
 * One station as an HSDS 3.0 `service` record (the shape of HSDS's `/services/{id}`): the service the station
 * offers, run by its operator (else host) organization, with one `service_at_location` whose `location` is the
 * station (physical, WGS-84 latitude/longitude), its address, phone and opening hours (an HSDS schedule whose
 * description holds the OSM opening_hours text). Location ids are station ids; the others are derived UUIDs.
 */
export function hsdsService(r: StationRow): Record<string, unknown> {
  const serviceId = derivedUuid('service', r.id);
  const salId = derivedUuid('service_at_location', r.id);
  const orgId = r.operator_id ?? r.host_id;
  const phones = r.phone ? [{ id: derivedUuid('phone', r.id), location_id: r.id, number: r.phone, type: 'voice' }] : [];
  const schedules = r.opening_hours
    ? [{ id: derivedUuid('schedule', r.id), location_id: r.id, description: `OpenStreetMap opening_hours (${r.timezone}): ${r.opening_hours}`, notes: r.opening_hours }]
    : [];
  const addresses = r.address
    ? [
        {
          id: derivedUuid('address', r.id),
          location_id: r.id,
          address_1: r.address,
          city: r.city_name ?? r.region_name ?? '',
          region: r.region_name ?? undefined,
          state_province: r.province_name ?? '',
          // Not recorded for stations; HSDS requires the field.
          postal_code: '',
          country: 'CN',
          address_type: 'physical',
        },
      ]
    : [];
  const amenities = r.amenities.map((a) => zh('Amenity', a)).join('、');
  return {
    id: serviceId,
    ...(orgId ? { organization_id: orgId } : {}),
    name: r.name,
    alternate_name: zh('StationKind', r.kind),
    description: `${zh('StationKind', r.kind)}${amenities ? `：${amenities}` : ''}`,
    status: HSDS_STATUS[r.status] ?? 'inactive',
    last_modified: new Date(r.updated_at).toISOString(),
    phones,
    schedules,
    service_at_locations: [
      {
        id: salId,
        service_id: serviceId,
        location_id: r.id,
        location: {
          id: r.id,
          location_type: 'physical',
          ...(orgId ? { organization_id: orgId } : {}),
          name: r.name,
          latitude: r.lat,
          longitude: r.lng,
          external_identifier: r.region_code ?? undefined,
          external_identifier_type: r.region_code ? 'GB/T 2260 region code' : undefined,
          addresses,
          phones,
          schedules,
        },
      },
    ],
  };
}

/**
 * Streams an Open Referral HSDS 3.0 document of stations: `services` (one per station, see hsdsService, with
 * its location nested), then `organizations` (every organization that runs or hosts an exported station), read
 * once the services are written.
 */
export async function writeHsds(out: Writable, ctx: Context, rows: AsyncGenerator<StationRow[]>): Promise<void> {
  const orgIds = new Set<string>();
  await write(out, '{"hsds_version":"3.0","services":[');
  let first = true;
  for await (const batch of rows) {
    for (const r of batch) for (const id of [r.operator_id, r.host_id]) if (id) orgIds.add(id);
    await write(out, (first ? '' : ',') + batch.map((r) => JSON.stringify(hsdsService(r))).join(','));
    first = false;
  }
  await write(out, '],"organizations":[');
  const ids = [...orgIds];
  for (let i = 0; i < ids.length; i += 500) {
    const orgs = await ctx.rawReader.fork().execute<{ id: string; name: string; kind: string; parent_id: string | null }[]>(
      `select id, name, kind, parent_id from organization where id = any(?::uuid[]) order by id`,
      [`{${ids.slice(i, i + 500).join(',')}}`],
    );
    const text = orgs.map((o) =>
      JSON.stringify({ id: o.id, name: o.name, description: zh('OrganizationKind', o.kind), ...(o.parent_id ? { parent_organization_id: o.parent_id } : {}) }),
    );
    if (text.length) await write(out, (i && orgs.length ? ',' : '') + text.join(','));
  }
  await write(out, ']}');
}
