import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { gcjToBd, vincenty, wgsToGcj } from '../helpers/reference-geo';

// Maps in the datum of the basemap (MAP_STYLE_DATUM, tiles with `?crs=`) and the offline basemap's place names
// (`/tiles/places`). Positions are checked against the independent formulas of tests/helpers/reference-geo.ts.

type Station = { id: string; name: string; location: { lng: number; lat: number } };

/** Tile x, y of a WGS-84 (or GCJ-02/BD-09 as if it were) position at zoom z. */
function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

/** Features of a tile's layer with their positions as degrees. */
async function features(url: string, layer: string, z: number, x: number, y: number): Promise<{ props: Record<string, unknown>; lng: number; lat: number }[]> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  if (!body.length) return [];
  const l = new VectorTile(new PbfReader(body)).layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => {
    const f = l.feature(i);
    const [lng, lat] = (f.toGeoJSON(x, y, z).geometry as unknown as { coordinates: [number, number] }).coordinates;
    return { props: f.properties, lng, lat };
  });
}

describe('station tiles in the datum of the basemap', () => {
  let server: TestServer;
  let stations: Station[];
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
    const r = await server.graphql<{ stations: { nodes: Station[] } }>(`{ stations(limit: 200) { nodes { id name location { lng lat } } } }`);
    stations = r.data!.stations.nodes;
    expect(stations.length).toBeGreaterThan(50);
  }, 240_000);
  afterAll(() => server?.stop());

  const datums = {
    WGS84: (lng: number, lat: number): [number, number] => [lng, lat],
    GCJ02: wgsToGcj,
    BD09: (lng: number, lat: number) => gcjToBd(...wgsToGcj(lng, lat)),
  } as const;

  for (const [crs, reference] of Object.entries(datums)) {
    it(`draws every station of a z15 tile at its ${crs} position within 1 m (crs=${crs})`, async () => {
      const z = 15;
      let checked = 0;
      // The tiles where the reference puts the first 20 stations: each must be in its tile, where the reference says.
      for (const s of stations.slice(0, 20)) {
        const [lng, lat] = reference(s.location.lng, s.location.lat);
        const [x, y] = tileOf(lng, lat, z);
        const query = crs === 'WGS84' ? '' : `?crs=${crs}`;
        const found = (await features(`${server.url}/tiles/stations/${z}/${x}/${y}.pbf${query}`, 'stations', z, x, y)).find((f) => f.props.id === s.id);
        expect(found, `${s.name} in tile ${z}/${x}/${y} (${crs})`).toBeDefined();
        // 4096 units over a z15 tile are 0.3 m of Mercator: the drawn point is within 1 m of the reference.
        expect(vincenty(found!.lng, found!.lat, lng, lat)).toBeLessThan(1);
        checked++;
      }
      expect(checked).toBe(20);
    });
  }

  it('keeps every station exactly once over a block of tiles in GCJ-02, as in WGS-84', async () => {
    const z = 12;
    const [cx, cy] = tileOf(113.65, 34.76, z);
    const ids = async (query: string) => {
      const all: string[] = [];
      for (let x = cx - 2; x <= cx + 2; x++) {
        for (let y = cy - 2; y <= cy + 2; y++) {
          const fs = await features(`${server.url}/tiles/stations/${z}/${x}/${y}.pbf${query}`, 'stations', z, x, y);
          // Points in a tile's buffer belong to the neighbour: count each where it lies.
          const [tx, ty] = [x, y];
          all.push(...fs.filter((f) => tileOf(f.lng, f.lat, z).join() === [tx, ty].join()).map((f) => String(f.props.id)));
        }
      }
      return all.sort();
    };
    const wgs = await ids('');
    expect(wgs.length).toBeGreaterThan(30);
    expect(new Set(wgs).size).toBe(wgs.length);
    expect(await ids('?crs=GCJ02')).toEqual(wgs);
  });

  it('refuses an unknown crs with 400 BAD_USER_INPUT naming it', async () => {
    const res = await fetch(`${server.url}/tiles/stations/12/3340/1622.pbf?crs=EPSG3857`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'crs' } });
    // Not a key the enum object merely inherits.
    const inherited = await fetch(`${server.url}/tiles/stations/12/3340/1622.pbf?crs=toString`);
    expect(inherited.status).toBe(400);
    expect(await inherited.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'crs' } });
    const places = await fetch(`${server.url}/tiles/places/8/208/102.pbf?crs=gcj02`);
    expect(places.status).toBe(400);
    expect(await places.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'crs' } });
  });

  it('tells the admin the datum of its basemap: WGS84 for the bundled offline style', async () => {
    const r = await server.graphql(`{ appConfig { mapStyleUrl mapDatum } }`, {}, 'anonymous');
    expect(r.data.appConfig).toEqual({ mapStyleUrl: null, mapDatum: 'WGS84' });
  });

  it('labels the offline basemap with province, city, county and town names at their zooms, in WGS-84', async () => {
    // 金水区, Zhengzhou: its centre in seeds/cn-adcode/divisions_to_county_gcj02.csv is GCJ-02 (113.660617, 34.800004).
    const gcj: [number, number] = [113.660617, 34.800004];
    const atZoom = async (z: number) => {
      const [x, y] = tileOf(113.68, 34.77, z);
      return features(`${server.url}/tiles/places/${z}/${x}/${y}.pbf`, 'places', z, x, y);
    };
    const z3 = await atZoom(3);
    expect(new Set(z3.map((f) => f.props.level))).toEqual(new Set(['province']));
    expect(z3.map((f) => f.props.name)).toContain('河南省');
    const z6 = await atZoom(6);
    expect(z6.map((f) => f.props.name)).toContain('郑州市');
    expect(z6.some((f) => f.props.level === 'county')).toBe(false);
    const z10 = await atZoom(10);
    const jinshui = z10.find((f) => f.props.name === '金水区');
    expect(jinshui?.props.level).toBe('county');
    // The label's WGS-84 position goes back to the table's GCJ-02 one under the independent forward transform
    // (read at z15, where a tile unit is 0.3 m of Mercator).
    const [x15, y15] = tileOf(jinshui!.lng, jinshui!.lat, 15);
    const precise = (await features(`${server.url}/tiles/places/15/${x15}/${y15}.pbf`, 'places', 15, x15, y15)).find((f) => f.props.name === '金水区');
    const [lng, lat] = wgsToGcj(precise!.lng, precise!.lat);
    expect(vincenty(lng, lat, ...gcj)).toBeLessThan(1);
    // In GCJ-02 the label sits where the table says.
    const gcjTile = await features(`${server.url}/tiles/places/15/${tileOf(...gcj, 15).join('/')}.pbf?crs=GCJ02`, 'places', 15, ...tileOf(...gcj, 15));
    const inGcj = gcjTile.find((f) => f.props.name === '金水区');
    expect(vincenty(inGcj!.lng, inGcj!.lat, ...gcj)).toBeLessThan(1);
    expect(z10.some((f) => f.props.level === 'town')).toBe(false);
    const z12 = await atZoom(12);
    const towns = z12.filter((f) => f.props.level === 'town');
    expect(towns.length).toBeGreaterThan(3);
    // 办事处 is the office, not the place.
    expect(towns.every((t) => !String(t.props.name).endsWith('办事处'))).toBe(true);
  });
});

describe('a basemap in GCJ-02 (MAP_STYLE_URL with MAP_STYLE_DATUM)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, env: { MAP_STYLE_URL: 'http://127.0.0.1:9/style.json', MAP_STYLE_DATUM: 'GCJ02' } });
  }, 240_000);
  afterAll(() => server?.stop());

  it('reports GCJ02 to the admin and lets the page reach the style origin under the CSP', async () => {
    const r = await server.graphql(`{ appConfig { mapStyleUrl mapDatum } }`, {}, 'anonymous');
    expect(r.data.appConfig).toEqual({ mapStyleUrl: 'http://127.0.0.1:9/style.json', mapDatum: 'GCJ02' });
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:9/);
  });
});
