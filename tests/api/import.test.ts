import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinateSystem } from '../../api/src/common/geo';
import { importStations, type ProvenanceProfile } from '../../api/src/importer/station-import';
import { convertChineseHours } from '../../api/src/importer/hours-text';
import { mapAmenityWords } from '../../api/src/importer/amenity-words';
import { seedFirstStart } from '../../api/src/seeds';
import { openTestOrm, SEEDS, SHARED_DATA } from '../helpers/db';
import { haversine, wgsToGcj } from '../helpers/reference-geo';

const sourceFile = path.join(SHARED_DATA, 'zhengzhou-stations/stations_full.json');
const source = JSON.parse(fs.readFileSync(sourceFile, 'utf8')) as { name: string; lat: number; lng: number; district: string }[];
const profile = JSON.parse(fs.readFileSync(path.join(SEEDS, 'zhengzhou-stations/provenance.json'), 'utf8')) as ProvenanceProfile;

let t: Awaited<ReturnType<typeof openTestOrm>>;
beforeAll(async () => {
  t = await openTestOrm();
});
afterAll(() => t?.close());

type Row = { name: string; lng: number; lat: number; region_code: string; amenities: string[]; opening_hours: string | null; provenance: any; kind: string };
const rows = () =>
  t.em().execute<Row[]>(`select name, ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat, region_code, amenities, opening_hours, provenance, kind from station order by name`);

describe('import of the real Zhengzhou file', () => {
  it('loads all 82 stations with GCJ-02 converted to WGS-84 (checked against the independent forward transform, within 1 m)', async () => {
    const report = await importStations(t.em(), fs.readFileSync(sourceFile, 'utf8'), { format: 'json', crs: CoordinateSystem.GCJ02, sourceName: 'zz', profile });
    expect(report).toMatchObject({ read: 82, created: 82, updated: 0, skipped: 0, rejected: [] });
    const stored = await rows();
    expect(stored).toHaveLength(82);
    const byName = new Map(stored.map((r) => [r.name, r]));
    for (const s of source) {
      const r = byName.get(s.name)!;
      const [gLng, gLat] = wgsToGcj(Number(r.lng), Number(r.lat));
      expect(haversine(gLng, gLat, s.lng, s.lat)).toBeLessThan(1);
      // and the datum shift really was applied (GCJ-02 is offset by hundreds of metres here)
      expect(haversine(Number(r.lng), Number(r.lat), s.lng, s.lat)).toBeGreaterThan(100);
    }
  });

  it('finds region codes: stated districts by name, functional zones by boundary, all inside Zhengzhou (4101xx)', async () => {
    const stored = await rows();
    expect(stored.every((r) => /^4101\d\d$/.test(r.region_code))).toBe(true);
    const zhongyuan = stored.filter((r) => source.find((s) => s.name === r.name)!.district === '中原区');
    expect(zhongyuan.every((r) => r.region_code === '410102')).toBe(true);
  });

  it('keeps the provenance: 4 known bad geocodes need review, guessed fields are marked inferred', async () => {
    const stored = await rows();
    const review = stored.filter((r) => r.provenance.needsReview).map((r) => r.name).sort();
    expect(review).toEqual(Object.keys(profile.needsReview!).sort());
    const poi = stored.find((r) => r.name === '巩义市工会户外劳动者爱心驿站')!;
    expect(poi.provenance.verifiedFields).toContain('location');
    const geocoded = stored.find((r) => r.name === '金水工会杜岭户外劳动者爱心驿站')!;
    expect(geocoded.provenance.inferredFields).toEqual(expect.arrayContaining(['location', 'amenities']));
    expect(geocoded.provenance.verifiedFields).toContain('openingHours');
    expect(geocoded.provenance.sourceDatum).toBe('GCJ02');
  });

  it('converts hours and facility words', async () => {
    const stored = await rows();
    const byName = new Map(stored.map((r) => [r.name, r]));
    expect(byName.get('巩义万洋商贸城工会户外劳动者驿站')!.opening_hours).toBe('Mo-Fr 08:30-12:00,13:00-17:30; PH off');
    expect(byName.get('大学路街道工心驿站')!.opening_hours).toBe('24/7');
    expect(byName.get('管城区爱心驿站(南大街佳苑小区)')!.opening_hours).toBe('Mo-Fr unknown "工作日开放"; PH off');
    expect(stored.every((r) => r.amenities.includes('DRINKING_WATER') && r.amenities.includes('REST_SEATING'))).toBe(true);
  });

  it('is idempotent: a second run creates and updates nothing', async () => {
    const report = await importStations(t.em(), fs.readFileSync(sourceFile, 'utf8'), { format: 'json', crs: CoordinateSystem.GCJ02, sourceName: 'zz', profile });
    expect(report).toMatchObject({ read: 82, created: 0, updated: 0, skipped: 82, rejected: [] });
    const [{ n }] = await t.em().execute(`select count(*)::int as n from station`);
    expect(n).toBe(82);
  });
});

describe('bad rows', () => {
  const csv = [
    'id,name,address,lng,lat,facilities,open_hours',
    'c1,测试驿站一,郑州市中原区,113.62,34.75,饮用水;微波炉;卫生间,周一至周五 09:00-17:00',
    'c2,坐标越界驿站,郑州,200,34.75,饮用水,08:00-20:00',
    'c3,,无名,113.6,34.7,饮用水,08:00-20:00',
    'c4,非数字坐标,郑州,abc,34.7,饮用水,08:00-20:00',
    'c5,测试驿站二,郑州市金水区,113.66,34.78,热水|充电|神秘设施,看心情',
  ].join('\n');

  it('rejects each bad row with its line and reason, imports the good ones, half-writes nothing', async () => {
    const em = t.em();
    const before = await em.execute<{ n: number }[]>(`select count(*)::int as n from station`);
    const report = await importStations(em, csv, { format: 'csv', crs: CoordinateSystem.WGS84, sourceName: 'test-csv' });
    expect(report.read).toBe(5);
    expect(report.created).toBe(2);
    expect(report.rejected.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [3, 'location.lng'],
      [4, 'name'],
      [5, 'lng'],
    ]);
    expect(report.warnings.map((w) => w.line)).toEqual([6, 6]);
    // The reason keys and args the admin's import preview translates, with the column at fault.
    expect(report.rejected.map((r) => r.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'location.lng', reason: 'LNG_RANGE', args: expect.any(Object) },
      { code: 'BAD_USER_INPUT', field: 'name', reason: 'REQUIRED', args: {} },
      { code: 'BAD_USER_INPUT', field: 'lng', reason: 'NOT_A_NUMBER', args: { value: 'abc' } },
    ]);
    expect(report.warnings.map((w) => w.extensions)).toEqual([
      { reason: 'IMPORT_HOURS_UNREAD', args: { text: '看心情' } },
      { reason: 'IMPORT_FACILITIES_UNKNOWN', args: { words: ['神秘设施'] } },
    ]);
    const after = await em.execute<{ n: number }[]>(`select count(*)::int as n from station`);
    expect(after[0].n - before[0].n).toBe(2);
    const [two] = await em.execute<{ amenities: string[]; opening_hours: string | null }[]>(`select amenities, opening_hours from station where source_key = 'test-csv:c5'`);
    expect(two).toEqual({ amenities: ['HOT_WATER', 'PHONE_CHARGING'], opening_hours: null });
  });

  it('dry run validates and writes nothing', async () => {
    const em = t.em();
    const csv2 = 'id,name,lng,lat\nd1,演练驿站,113.6,34.7\n';
    const report = await importStations(em, csv2, { format: 'csv', crs: CoordinateSystem.WGS84, sourceName: 'dry', dryRun: true });
    expect(report).toMatchObject({ read: 1, created: 1, dryRun: true, rejected: [] });
    expect(await em.execute(`select 1 from station where source_key = 'dry:d1'`)).toHaveLength(0);
  });

  it('reads GeoJSON in BD-09 and refuses non-point geometry', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [113.6316, 34.7557] }, properties: { id: 'g1', name: '百度坐标驿站', amenities: ['TOILET'] } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[113.6, 34.7], [113.7, 34.8]] }, properties: { id: 'g2', name: '线' } },
      ],
    };
    const report = await importStations(t.em(), JSON.stringify(fc), { format: 'geojson', crs: CoordinateSystem.BD09, sourceName: 'geo' });
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([{ line: 2, name: '线', reason: 'geometry: must be a Point', extensions: { code: 'BAD_USER_INPUT', field: 'geometry', reason: 'GEOMETRY_NOT_POINT', args: { type: 'LineString' } } }]);
  });
});

describe('first-start seed', () => {
  it('runs once: a second call loads nothing more, even after stations were deleted', async () => {
    const em = t.em();
    await em.execute(`delete from station`);
    await seedFirstStart(em, SEEDS, () => undefined);
    // The imported Zhengzhou stations carry source keys; the scheduling seed's stations (孟州 司机之家, three 三夏 points) do not.
    const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from station where source_key is not null`);
    expect(n).toBe(82);
    await em.execute(`delete from station where name like '巩义%'`);
    await seedFirstStart(t.em(), SEEDS, () => undefined);
    const [{ m }] = await t.em().execute<{ m: number }[]>(`select count(*)::int as m from station where source_key is not null`);
    expect(m).toBeLessThan(82);
  });
});

describe('Chinese hours text', () => {
  it.each([
    ['24小时', '24/7'],
    ['08:00-20:00', '08:00-20:00'],
    ['08:00-12:00,14:00-16:00', '08:00-12:00,14:00-16:00'],
    ['08：00～12：00，14：00～16：00', '08:00-12:00,14:00-16:00'],
    ['周一至周五 09:00-17:00', 'Mo-Fr 09:00-17:00; PH off'],
    ['周一至周六 8:30-18:00', 'Mo-Sa 08:30-18:00'],
    ['每天 07:30-22:30', '07:30-22:30'],
    ['Mo-Sa 08:00-18:00; PH off', 'Mo-Sa 08:00-18:00; PH off'],
  ])('%s → %s', (text, osm) => {
    expect(convertChineseHours(text)).toEqual({ openingHours: osm });
  });

  it.each(['看心情', '25:00-26:00', '周一至周五'])('reports %s as unreadable', (text) => {
    const r = convertChineseHours(text);
    if (text === '周一至周五') expect(r.openingHours).toBe('Mo-Fr unknown "周一至周五"; PH off');
    else expect(r).toMatchObject({ openingHours: null, problem: expect.any(String) });
  });

  it('maps facility words to amenities and reports unknown ones', () => {
    expect(mapAmenityWords(['drink', 'ac', 'first_aid', '医药箱', '打气筒', '外星人'])).toEqual({
      amenities: ['DRINKING_WATER', 'AIR_CONDITIONING', 'FIRST_AID_KIT', 'REPAIR_TOOLS'],
      unknown: ['外星人'],
    });
  });
});
