import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, type Request, type Response } from 'playwright-core';
import { launchChromium, reportCspViolations } from '../helpers/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * The built admin (admin/dist) in headless Chromium against a seeded server: signing in through the login page,
 * the station list, the map of the list, editing amenities and the station's history, a CONFLICT on a stale
 * edit, an API key's one-time secret, what an OPERATOR sees, and the forced change of a one-time password.
 * Any request to a host other than the test server, any page error and any Content-Security-Policy violation
 * fails the test: the admin and its basemap must work offline under the server's CSP.
 */

const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 120_000;

let server: TestServer;
let browser: Browser;
let page: Page;
const outsideRequests: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
const cspViolations: string[] = [];

const STATION = `query ($id: ID!) { station(id: $id) { id name amenities version } }`;

type StationRow = { id: string; name: string; operatorOrganization: { id: string; name: string } | null; hostOrganization: { id: string } | null };

/** The station the edit tests use: the federation's own service centre if present, else the first by name. */
async function pickStation() {
  const r = await server.graphql<{ stations: { nodes: { id: string; name: string; amenities: string[]; version: number }[] } }>(
    `query { stations(filter: { search: "郑州市职工服务中心" }, limit: 1) { nodes { id name amenities version } } }`,
  );
  const found = r.data?.stations.nodes[0];
  if (found) return found;
  const all = await server.graphql(`query { stations(limit: 1) { nodes { id name amenities version } } }`);
  return all.data.stations.nodes[0];
}

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  // CSP violations are reported to the page as events (and as console errors); collect both.
  await reportCspViolations(context, cspViolations);
  const p = await context.newPage();
  const origin = new URL(server.url).origin;
  p.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) outsideRequests.push(request.url());
  });
  p.on('pageerror', (error) => pageErrors.push(error.message));
  p.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push(message.text());
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return p;
}

/** Signs in through the login page (wherever the app sent the browser) and waits until it leaves it. */
async function signIn(p: Page, username: string, password = TEST_PASSWORD) {
  await p.waitForURL(/#\/login/, { timeout: 30_000 });
  await p.locator('input[name="username"]').fill(username);
  await p.locator('input[name="password"]').fill(password);
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
}

/** Menu entries of the sidebar, by the resource path they link to. */
const menuLink = (p: Page, path: string) => p.locator(`.RaSidebar-fixed a[href="#/${path}"]`);

describe('admin in the browser', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true });
    browser = await launchChromium();
    page = await openPage();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends an anonymous visitor to the login page and signs the admin in through it', async () => {
    await page.goto(`${server.url}/#/stations`);
    await page.locator('input[name="username"]').waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/#\/login/);
    await page.screenshot({ path: `${OUTPUT}admin-login.png` });

    // A wrong password stays on the login page with a message.
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('用户名或密码错误').waitFor({ timeout: 15_000 });
    expect(page.url()).toMatch(/#\/login/);

    await signIn(page, 'admin');
    // Back where the visitor wanted to go.
    await page.waitForURL(/#\/stations/, { timeout: 15_000 });
  });

  it('lists the seeded stations in Chinese, with the admin-only menu entries', async () => {
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await page.getByRole('columnheader', { name: '名称' }).waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();
    await expect.poll(() => menuLink(page, 'users').count()).toBe(1);
    expect(await menuLink(page, 'apiKeys').count()).toBe(1);
    expect(await menuLink(page, 'users').innerText()).toContain('用户');
    expect(await menuLink(page, 'apiKeys').innerText()).toContain('API 密钥');
    await page.screenshot({ path: `${OUTPUT}admin-stations-list.png` });
  });

  it('shows every station of the filtered list on the map, and a marker opens its station', async () => {
    const total = (await server.graphql(`query { stations(limit: 1) { totalCount } }`)).data.stations.totalCount as number;
    await page.getByTestId('toggle-map').click();
    // Rendered circle features, deduplicated by station id (a point may be drawn in two tiles).
    const renderedIds = () =>
      page.evaluate(() => {
        const map = (window as any).__yizhanMap;
        if (!map?.getLayer('stations-circles') || !map.loaded()) return [] as string[];
        const features = map.queryRenderedFeatures({ layers: ['stations-circles'] }) as { properties: { id: string } }[];
        return [...new Set(features.map((f) => f.properties.id))];
      });
    await expect.poll(async () => (await renderedIds()).length, { timeout: 30_000 }).toBe(total);
    await page.screenshot({ path: `${OUTPUT}admin-stations-map.png` });

    const target = await page.evaluate(() => {
      const map = (window as any).__yizhanMap;
      const [feature] = map.queryRenderedFeatures({ layers: ['stations-circles'] });
      const { x, y } = map.project(feature.geometry.coordinates);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await page.mouse.click(target.x, target.y);
    await page.waitForURL(/#\/stations\/[^/]+\/show/, { timeout: 15_000 });
    await page.getByTestId('toggle-map').waitFor({ state: 'detached' });
  });

  it('draws the stations from the vector tiles above the threshold: counties, clusters, stations in step with the filters', async () => {
    type Tiled = { id?: string; code?: string; name?: string; status?: string; count: number; coordinates: [number, number] };
    const all = await server.graphql<{ stations: { totalCount: number; nodes: { id: string; kind: string; regionCode: string | null }[] } }>(
      `query { stations(limit: 1000) { totalCount nodes { id kind regionCode } } }`,
    );
    const stations = all.data!.stations.nodes;
    expect(stations.length).toBe(all.data!.stations.totalCount);
    const ids = new Set(stations.map((s) => s.id));
    // Counties are counted by region; a station without one shows from zoom 8 only.
    const withRegion = (list: typeof stations) => list.filter((s) => s.regionCode).length;

    const tileRequests: string[] = [];
    const tileResponses: { url: string; status: number; contentType: string }[] = [];
    const isTile = (url: string) => new URL(url).pathname.startsWith('/tiles/stations/');
    const onRequest = (r: Request) => {
      if (isTile(r.url())) tileRequests.push(r.url());
    };
    const onResponse = (r: Response) => {
      if (isTile(r.url())) tileResponses.push({ url: r.url(), status: r.status(), contentType: r.headers()['content-type'] ?? '' });
    };
    page.on('request', onRequest);
    page.on('response', onResponse);

    /** Features of the tile layers now rendered (null until the map and its tiles are loaded). */
    const rendered = (layers: string[]) =>
      page.evaluate((layers) => {
        const map = (window as any).__yizhanMap;
        if (!map?.getSource('station-tiles') || !map.loaded() || map.isMoving()) return null;
        return (map.queryRenderedFeatures({ layers }) as any[]).map((f) => ({ ...f.properties, coordinates: f.geometry.coordinates }));
      }, layers) as Promise<Tiled[] | null>;
    /** Moves the map without animation and waits until it has drawn the tiles of the new view. */
    const jumpTo = (center: [number, number], zoom: number) =>
      page.evaluate(
        ({ center, zoom }) =>
          new Promise<void>((resolve) => {
            const map = (window as any).__yizhanMap;
            map.once('idle', () => resolve());
            map.jumpTo({ center, zoom });
          }),
        { center, zoom },
      );
    /** The sum of the counts of the counties drawn at zoom 5 around Zhengzhou (each county once). */
    const countyTotal = async () => {
      await jumpTo([113.65, 34.76], 5);
      let counties: Tiled[] | null = null;
      await expect.poll(async () => (counties = await rendered(['station-tiles-regions']))?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
      return [...new Map(counties!.map((c) => [c.code, Number(c.count)])).values()].reduce((a, b) => a + b, 0);
    };
    const panel = page.getByTestId('stations-map');
    const openList = async (filter?: Record<string, unknown>) => {
      // 86 seeded stations are far below TILE_THRESHOLD: the documented override `?mapTileThreshold=0` (before the
      // `#`, see StationsMapPanel) makes this page draw tiles whenever there is a station.
      const query = filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
      await page.goto(`${server.url}/?mapTileThreshold=0#/stations${query}`);
      await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
      if ((await panel.count()) === 0) await page.getByTestId('toggle-map').click();
      await panel.waitFor({ timeout: 15_000 });
    };

    try {
      await openList();
      await expect.poll(() => panel.getAttribute('data-map-mode'), { timeout: 30_000 }).toBe('tiles');
      expect(await panel.getByTestId('stations-map-caption').innerText()).toContain(String(stations.length));
      const tileSource = () =>
        page.evaluate(() => {
          const map = (window as any).__yizhanMap;
          const s = map?.getSource('station-tiles');
          return s ? { type: s.type as string, tiles: s.tiles as string[], minzoom: s.minzoom as number, maxzoom: s.maxzoom as number } : null;
        });
      await expect.poll(tileSource, { timeout: 30_000 }).not.toBeNull();
      // MapLibre applies the source's zoom range once it has loaded its (inline) TileJSON; until then maxzoom reads 22.
      await expect.poll(async () => (await tileSource())?.maxzoom, { timeout: 30_000 }).toBe(14);
      const source = await tileSource();
      expect(source).toMatchObject({ type: 'vector', minzoom: 0, maxzoom: 14 });
      expect(source!.tiles).toEqual([`${new URL(server.url).origin}/tiles/stations/{z}/{x}/{y}.pbf?statuses=ACTIVE,RETIRED,TEMPORARILY_CLOSED`]);
      // The view fits the counties that have stations: the whole country first (zoom 3), then their extent.
      const fittedZoom = async () => {
        const features = await rendered(['station-tiles-regions', 'station-tiles-clusters', 'station-tiles-points']);
        return features?.length ? ((await page.evaluate(() => (window as any).__yizhanMap.getZoom())) as number) : 0;
      };
      await expect.poll(fittedZoom, { timeout: 30_000 }).toBeGreaterThan(5);
      // Let the fitted view's own tiles come in (the poll may have seen the previous view's).
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const map = (window as any).__yizhanMap;
            map.once('idle', () => resolve());
            map.triggerRepaint();
          }),
      );
      await page.screenshot({ path: `${OUTPUT}admin-stations-tiles-fit.png` });

      // Low zoom: one circle per county, whose counts add up to the stations (every status, like the list).
      expect(await countyTotal()).toBe(withRegion(stations));
      await page.screenshot({ path: `${OUTPUT}admin-stations-tiles-counties.png` });

      // Zoom 9: clusters and single stations.
      await jumpTo([113.65, 34.76], 9);
      await expect.poll(async () => (await rendered(['station-tiles-clusters', 'station-tiles-points']))?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: `${OUTPUT}admin-stations-tiles-clusters.png` });

      // Zoom 13 in Zhengzhou: individual stations with their fields, no clusters.
      await jumpTo([113.65, 34.76], 13);
      let points: Tiled[] | null = null;
      await expect.poll(async () => (points = await rendered(['station-tiles-points']))?.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
      for (const p of points!) {
        expect(ids.has(p.id!)).toBe(true);
        expect(p.status).toMatch(/^(ACTIVE|TEMPORARILY_CLOSED|RETIRED)$/);
        expect(Number(p.count)).toBe(1);
      }
      expect((await rendered(['station-tiles-clusters']))!.length).toBe(0);
      await page.screenshot({ path: `${OUTPUT}admin-stations-tiles-stations.png` });

      // The tiles came from the API as vector tiles.
      expect(tileRequests.length).toBeGreaterThan(0);
      for (const url of tileRequests) expect(url).toMatch(/\/tiles\/stations\/\d+\/\d+\/\d+\.pbf\?statuses=ACTIVE,RETIRED,TEMPORARILY_CLOSED$/);
      expect(new Set(tileRequests.map((u) => Number(new URL(u).pathname.split('/')[3]))).has(13)).toBe(true);
      expect(tileResponses.length).toBeGreaterThan(0);
      for (const r of tileResponses) {
        expect(r.status, r.url).toBe(200);
        expect(r.contentType, r.url).toMatch(/^application\/vnd\.mapbox-vector-tile/);
      }

      // A station opens from its point.
      const target = await page.evaluate(() => {
        const map = (window as any).__yizhanMap;
        const box = map.getCanvas().getBoundingClientRect();
        // The point nearest the middle, away from the controls and the legend.
        const [nearest] = (map.queryRenderedFeatures({ layers: ['station-tiles-points'] }) as any[])
          .map((f) => ({ id: f.properties.id as string, ...map.project(f.geometry.coordinates) }))
          .sort((a, b) => Math.hypot(a.x - box.width / 2, a.y - box.height / 2) - Math.hypot(b.x - box.width / 2, b.y - box.height / 2));
        return { id: nearest.id, x: box.left + nearest.x, y: box.top + nearest.y };
      });
      await page.mouse.click(target.x, target.y);
      await page.waitForURL(new RegExp(`#/stations/${target.id}/show`), { timeout: 15_000 });

      // The list's filters go into the tile URL: one kind.
      const counts = new Map<string, number>();
      for (const s of stations) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
      const [kind] = [...counts].sort((a, b) => b[1] - a[1]).find(([, n]) => n < stations.length) ?? [...counts][0];
      tileRequests.length = 0;
      await openList({ kinds: [kind] });
      await expect.poll(() => panel.getAttribute('data-map-mode'), { timeout: 30_000 }).toBe('tiles');
      await expect.poll(async () => (await tileSource())?.tiles[0] ?? '', { timeout: 30_000 }).toContain(`?kinds=${kind}&`);
      expect(await countyTotal()).toBe(withRegion(stations.filter((s) => s.kind === kind)));
      expect(tileRequests.length).toBeGreaterThan(0);
      for (const url of tileRequests) expect(url).toContain(`?kinds=${kind}&statuses=ACTIVE,RETIRED,TEMPORARILY_CLOSED`);

      // Text search is beyond the tiles: the map keeps its markers.
      await openList({ q: '郑州' });
      await expect.poll(() => panel.getAttribute('data-map-mode'), { timeout: 30_000 }).toBe('markers');
      await expect
        .poll(() => page.evaluate(() => Boolean((window as any).__yizhanMap?.getLayer('stations-circles'))), { timeout: 30_000 })
        .toBe(true);
    } finally {
      page.off('request', onRequest);
      page.off('response', onResponse);
    }
  });

  it('saves a ticked amenity checkbox through updateStation, and the history lists the change', async () => {
    const station = await pickStation();
    const amenity = ['HOT_WATER', 'TOILET', 'UMBRELLA', 'WIFI', 'LOCKER'].find((a) => !station.amenities.includes(a))!;
    const label = { HOT_WATER: '热水', TOILET: '卫生间', UMBRELLA: '爱心雨伞', WIFI: '无线网络', LOCKER: '储物柜' }[amenity]!;

    await page.goto(`${server.url}/#/stations/${station.id}`);
    const checkbox = page.getByRole('checkbox', { name: label, exact: true });
    await checkbox.waitFor({ timeout: 30_000 });
    expect(await checkbox.isChecked()).toBe(false);
    await checkbox.check();
    await page.screenshot({ path: `${OUTPUT}admin-station-edit.png`, fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/stations/${station.id}/show`), { timeout: 15_000 });
    await page.getByTestId('amenities').getByText(label, { exact: true }).waitFor();

    const after = (await server.graphql(STATION, { id: station.id })).data.station;
    expect(after.amenities).toContain(amenity);
    expect(after.amenities).toEqual(expect.arrayContaining(station.amenities));
    expect(after.version).toBe(station.version + 1);

    // 变更记录: the newest event is this change, by admin, on the amenities field, with the amenity added.
    const history = page.getByTestId('history');
    await history.getByText('变更记录').waitFor({ timeout: 15_000 });
    const newest = history.getByTestId('history-event').first();
    await newest.waitFor({ timeout: 15_000 });
    expect(await newest.getAttribute('data-action')).toBe('UPDATE');
    expect((await newest.getByTestId('history-actor').innerText()).trim()).toBe('admin');
    const change = newest.locator('[data-field="amenities"]');
    await change.waitFor();
    expect(await change.innerText()).toContain('设施');
    expect(await change.locator('[data-change="added"]').innerText()).toContain(label);
    // The operation, translated (修改驿站 for updateStation).
    expect(await newest.innerText()).toContain('修改驿站');
    await page.screenshot({ path: `${OUTPUT}admin-station-show.png`, fullPage: true });
    await history.screenshot({ path: `${OUTPUT}admin-station-history.png` });
  });

  it('tells the user when someone else changed the station meanwhile (CONFLICT)', async () => {
    const station = (await server.graphql(STATION, { id: (await pickStation()).id })).data.station;
    await page.goto(`${server.url}/#/stations/${station.id}`);
    const phone = page.getByLabel('电话');
    await phone.waitFor({ timeout: 30_000 });

    const meanwhile = await server.graphql(
      `mutation ($id: ID!, $version: Int!) { updateStation(id: $id, version: $version, input: { phone: "0371-00000000" }) { version } }`,
      { id: station.id, version: station.version },
    );
    expect(meanwhile.errors).toBeUndefined();

    await phone.fill('0371-11111111');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('此记录已被他人修改').waitFor({ timeout: 15_000 });
    expect(page.url()).not.toMatch(/\/show/);
    await page.screenshot({ path: `${OUTPUT}admin-station-conflict.png` });

    const after = (await server.graphql(`query ($id: ID!) { station(id: $id) { phone } }`, { id: station.id })).data.station;
    expect(after.phone).toBe('0371-00000000');
  });

  it('creates an API key and shows its secret once, then revokes it', async () => {
    await page.goto(`${server.url}/#/apiKeys/create`);
    const name = page.locator('input[name="name"]');
    await name.waitFor({ timeout: 30_000 });
    await name.fill('浏览器测试密钥');
    await page.locator('input[name="contact"]').fill('ops@example.org');
    await page.getByRole('button', { name: '保存' }).click();

    const dialog = page.getByTestId('api-key-secret-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    const secret = (await dialog.getByTestId('api-key-secret').innerText()).trim();
    expect(secret).toMatch(/^yz_/);
    await dialog.getByText('它只显示这一次').waitFor();
    await page.screenshot({ path: `${OUTPUT}admin-api-key-secret.png` });

    // The key works, and the list knows it by its prefix only.
    const keys = await server.graphql<{ apiKeys: { nodes: { id: string; name: string; prefix: string; revokedAt: string | null }[] } }>(
      `query { apiKeys { nodes { id name prefix revokedAt } } }`,
    );
    const key = keys.data!.apiKeys.nodes.find((k) => k.name === '浏览器测试密钥')!;
    expect(secret.startsWith(key.prefix)).toBe(true);
    const asKey = await server.graphql(`query { nearbyStations(near: { lng: 113.65, lat: 34.76 }, first: 1) { totalCount } }`, {}, { apiKey: secret });
    expect(asKey.errors).toBeUndefined();

    await dialog.getByTestId('api-key-secret-done').click();
    await page.waitForURL(/#\/apiKeys$/, { timeout: 15_000 });
    const row = page.locator('table tbody tr', { hasText: '浏览器测试密钥' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain(key.prefix);
    expect(await row.innerText()).not.toContain(secret);

    await row.getByTestId('revoke-api-key').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('密钥已吊销').waitFor({ timeout: 15_000 });
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    const revoked = await server.graphql(`query { apiKeys(includeRevoked: true) { nodes { id revokedAt } } }`);
    expect(revoked.data.apiKeys.nodes.find((k: { id: string }) => k.id === key.id).revokedAt).not.toBeNull();
  });

  it('warns from 1 November while next year has no notice, and enters the notice on the holiday page', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const next = Number(today.slice(0, 4)) + 1;
    await page.goto(`${server.url}/#/stations`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    const banner = page.getByTestId('holiday-notice-banner');
    if (today.slice(5) >= '11-01') {
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.innerText()).toContain(`${next}`);
    } else {
      expect(await banner.count()).toBe(0);
    }
    await menuLink(page, 'holidays').click();
    await page.goto(`${server.url}/#/holidays?year=${next}`);
    await expect.poll(async () => (await page.getByTestId('holiday-coverage').innerText().catch(() => '')), { timeout: 30_000 }).toContain('仅法定节假日');
    const statutory = await server.graphql(`query($y: Int!) { holidayCalendar(year: $y) { days { date name } } }`, { y: next });
    // The statutory days as rest days, and the first Saturday after 春节 worked (a 调休 day of the made-up notice).
    const chunjie = statutory.data.holidayCalendar.days.filter((d: { name: string }) => d.name === '春节').map((d: { date: string }) => d.date);
    const last = new Date(`${chunjie[chunjie.length - 1]}T12:00:00Z`);
    const saturday = new Date(last.getTime() + (((6 - last.getUTCDay() + 7) % 7) || 7) * 86_400_000).toISOString().slice(0, 10);
    const csv = ['date,kind,name', ...statutory.data.holidayCalendar.days.map((d: { date: string; name: string }) => `${d.date},休,${d.name}`), `${saturday},班,春节`].join('\n');
    await page.getByTestId('holiday-text').fill(`${csv}\n${next}-13-01,休,错`);
    await page.getByTestId('holiday-check').click();
    await page.getByTestId('holiday-error').waitFor({ timeout: 15_000 });
    await page.getByTestId('holiday-text').fill(csv);
    await page.getByTestId('holiday-check').click();
    await page.getByText('检查结果（尚未保存）').waitFor({ timeout: 15_000 });
    expect((await server.graphql(`query($y: Int!) { holidayCalendar(year: $y) { coverage } }`, { y: next })).data.holidayCalendar.coverage).toBe('STATUTORY_ONLY');
    await page.getByTestId('holiday-save').click();
    await expect.poll(async () => (await page.getByTestId('holiday-coverage').innerText().catch(() => '')), { timeout: 15_000 }).toContain('已录入');
    const saved = await server.graphql(`query($y: Int!) { holidayCalendar(year: $y) { coverage days { date kind source } } }`, { y: next });
    expect(saved.data.holidayCalendar.coverage).toBe('OFFICIAL');
    expect(saved.data.holidayCalendar.days).toContainEqual({ date: saturday, kind: 'WORKDAY', source: 'notice' });
    await page.getByTestId('holiday-notice-banner').waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: `${OUTPUT}admin-holidays.png` });
  });

  it('shows an OPERATOR only the stations they may edit, without the admin menu entries', async () => {
    const all = await server.graphql<{ stations: { totalCount: number; nodes: StationRow[] } }>(
      `query { stations(limit: 1000) { totalCount nodes { id name operatorOrganization { id name } hostOrganization { id } } } }`,
    );
    const stations = all.data!.stations.nodes;
    // The operating union with the most stations that still leaves some out.
    const counts = new Map<string, number>();
    for (const s of stations) if (s.operatorOrganization) counts.set(s.operatorOrganization.id, (counts.get(s.operatorOrganization.id) ?? 0) + 1);
    const [organizationId] = [...counts].filter(([, n]) => n < stations.length).sort((a, b) => b[1] - a[1])[0]!;

    const operator = await server.createUser({ username: 'operator.browser', role: 'OPERATOR', organizationIds: [organizationId] });
    const mine = await server.graphql<{ stations: { totalCount: number; nodes: { id: string; name: string }[] } }>(
      `query { stations(limit: 1000) { totalCount nodes { id name } } }`,
      {},
      { token: operator.token },
    );
    const myStations = mine.data!.stations;
    expect(myStations.totalCount).toBeGreaterThan(0);
    expect(myStations.totalCount).toBeLessThan(all.data!.stations.totalCount);
    const myIds = new Set(myStations.nodes.map((s) => s.id));

    const operatorPage = await openPage();
    await operatorPage.goto(`${server.url}/`);
    await signIn(operatorPage, 'operator.browser');
    // The landing page is the dashboard (tests/browser/dashboard.browser.test.ts); the list is one click away.
    await operatorPage.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    await operatorPage.goto(`${server.url}/#/stations`);
    await operatorPage.waitForURL(/#\/stations/, { timeout: 15_000 });
    await operatorPage.getByText(new RegExp(`共 ${myStations.totalCount} 条`)).waitFor({ timeout: 30_000 });
    const names = await operatorPage.locator('table tbody tr td.column-name').allInnerTexts();
    expect(names.length).toBe(Math.min(25, myStations.totalCount));
    const myNames = new Set(myStations.nodes.map((s) => s.name));
    for (const n of names) expect(myNames.has(n.trim())).toBe(true);

    // Stations and organizations, but neither users nor API keys.
    await menuLink(operatorPage, 'stations').waitFor();
    expect(await menuLink(operatorPage, 'organizations').count()).toBe(1);
    expect(await menuLink(operatorPage, 'users').count()).toBe(0);
    expect(await menuLink(operatorPage, 'apiKeys').count()).toBe(0);
    expect(await operatorPage.getByText('API 密钥').count()).toBe(0);
    await operatorPage.screenshot({ path: `${OUTPUT}admin-operator-stations.png` });

    // Their station: Edit and Retire, and its history. Another's (reachable by URL): neither, no Delete.
    const own = myStations.nodes[0]!;
    await operatorPage.goto(`${server.url}/#/stations/${own.id}/show`);
    await operatorPage.getByTestId('history').waitFor({ timeout: 30_000 });
    await operatorPage.getByRole('link', { name: '编辑' }).waitFor();
    expect(await operatorPage.getByRole('button', { name: '停用' }).count()).toBe(1);
    expect(await operatorPage.getByRole('button', { name: '删除' }).count()).toBe(0);
    const other = stations.find((s) => !myIds.has(s.id))!;
    await operatorPage.goto(`${server.url}/#/stations/${other.id}/show`);
    await operatorPage.getByText(other.name).first().waitFor({ timeout: 30_000 });
    await operatorPage.getByTestId('location-WGS84').waitFor();
    expect(await operatorPage.getByRole('link', { name: '编辑' }).count()).toBe(0);
    expect(await operatorPage.getByRole('button', { name: '停用' }).count()).toBe(0);
    expect(await operatorPage.getByTestId('history').count()).toBe(0);
    await operatorPage.screenshot({ path: `${OUTPUT}admin-operator-other-station.png`, fullPage: true });

    // An admin ends the operator's sessions (disabling and enabling the account): the next page sends them to
    // the login page with a word about it, and signing in again returns there.
    const { version } = (await server.graphql(`query ($id: ID!) { user(id: $id) { version } }`, { id: operator.id })).data.user;
    const disabled = await server.graphql(`mutation ($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { disabled: true }) { version } }`, {
      id: operator.id,
      v: version,
    });
    await server.graphql(`mutation ($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { disabled: false }) { version } }`, {
      id: operator.id,
      v: disabled.data.updateUser.version,
    });
    await operatorPage.getByRole('menuitem', { name: '组织' }).click();
    await operatorPage.getByTestId('session-ended').waitFor({ timeout: 15_000 });
    await operatorPage.screenshot({ path: `${OUTPUT}admin-session-ended.png` });
    await signIn(operatorPage, 'operator.browser');
    await operatorPage.waitForURL(/#\/organizations/, { timeout: 15_000 });

    // Signing out through the user menu returns to the login page, without that word.
    await operatorPage.locator('button[aria-label="个人资料"]').click();
    await operatorPage.getByRole('menuitem', { name: '退出登录' }).click();
    await operatorPage.waitForURL(/#\/login/, { timeout: 15_000 });
    await operatorPage.locator('input[name="username"]').waitFor();
    expect(await operatorPage.getByTestId('session-ended').count()).toBe(0);
    const me = await operatorPage.evaluate(async () => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) });
      return (await res.json()).data.me;
    });
    expect(me).toBeNull();
    await operatorPage.context().close();
  });

  it('keeps a user with a one-time password on the change-password page until they choose their own', async () => {
    const organizations = await server.graphql(`query { organizations(limit: 1) { nodes { id } } }`);
    const created = await server.graphql(
      `mutation ($i: UserCreateInput!) { createUser(input: $i) { id mustChangePassword } }`,
      {
        i: {
          username: 'coordinator.browser',
          displayName: '王协调',
          role: 'COORDINATOR',
          organizationIds: [organizations.data.organizations.nodes[0].id],
          password: 'one-time-pass-2026',
          mustChangePassword: true,
        },
      },
    );
    expect(created.data.createUser.mustChangePassword).toBe(true);

    const p = await openPage();
    await p.goto(`${server.url}/#/stations`);
    await signIn(p, 'coordinator.browser', 'one-time-pass-2026');
    await p.waitForURL(/#\/change-password/, { timeout: 15_000 });
    await p.getByTestId('must-change-password').waitFor({ timeout: 15_000 });
    // Anywhere else leads back here.
    await p.goto(`${server.url}/#/organizations`);
    await p.waitForURL(/#\/change-password/, { timeout: 15_000 });
    await p.getByTestId('must-change-password').waitFor({ timeout: 15_000 });
    await p.screenshot({ path: `${OUTPUT}admin-change-password.png` });

    const newPassword = '自己的新密码-2026-abc';
    await p.locator('input[name="currentPassword"]').fill('one-time-pass-2026');
    await p.locator('input[name="newPassword"]').fill(newPassword);
    await p.locator('input[name="confirmPassword"]').fill(newPassword);
    await p.getByTestId('change-password').getByRole('button', { name: '修改密码' }).click();
    await p.getByText('密码已修改').waitFor({ timeout: 15_000 });
    await p.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    await p.goto(`${server.url}/#/stations`);
    await p.waitForURL(/#\/stations/, { timeout: 15_000 });
    await expect.poll(() => p.locator('table tbody tr').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    // A COORDINATOR reads stations but creates none.
    expect(await p.getByRole('link', { name: '新建' }).count()).toBe(0);
    await p.screenshot({ path: `${OUTPUT}admin-coordinator-stations.png` });

    // The new password works; the one-time one does not.
    expect(await server.login('coordinator.browser', newPassword)).toBeTruthy();
    await expect(server.login('coordinator.browser', 'one-time-pass-2026')).rejects.toThrow();
    await p.context().close();
  });

  describe('scheduling: a campaign with its calendar, sign-ups, fill rate, planning and the quick entry', () => {
    /** A local date in Asia/Shanghai (UTC+8, no DST), `days` from today. */
    const shanghaiDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).getTime();
    const day1 = shanghaiDate(1);
    const day2 = shanghaiDate(2);
    const NAMES = ['李建国', '王秀英', '张伟', '刘洋', '陈静', '赵磊'];
    const TEAM = '浏览器测试劳模志愿服务队';
    const CAMPAIGN = '浏览器测试“三夏”护航';
    const POINTS = ['测试服务点（北出口）', '测试服务点（南出口）'];

    let organizationId: string;
    let campaignId: string;
    let teamId: string;
    let volunteers: { id: string; name: string }[];
    let pointIds: string[];
    /** A: north day shift of day 1 (filled to 3/3), B: north night shift of day 1 (1/2), C: south day shift of day 1 (0/3). */
    let shiftA: string;
    let shiftB: string;
    let shiftC: string;

    const gql = async <T = any,>(query: string, variables?: Record<string, unknown>) => {
      const r = await server.graphql<T>(query, variables);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data!;
    };
    const shiftState = (id: string) =>
      server.graphql(`query ($id: ID!) { shift(id: $id) { filledCount waitlistCount assignments { status volunteer { name } } } }`, { id }).then((r) => r.data.shift);

    beforeAll(async () => {
      organizationId = (await gql(`query { organizations(limit: 1) { nodes { id } } }`)).organizations.nodes[0].id;
      volunteers = [];
      for (const [i, name] of NAMES.entries()) {
        const v = await gql(`mutation ($i: VolunteerInput!) { createVolunteer(input: $i) { id name } }`, {
          i: { name, phone: `1380000${String(5590 + i)}`, skills: ['FIRST_AID'], isModelWorker: i === 0 },
        });
        volunteers.push(v.createVolunteer);
      }
      teamId = (
        await gql(`mutation ($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, {
          i: { name: TEAM, kind: 'MODEL_WORKER', organizationId, memberIds: volunteers.map((v) => v.id), leaderId: volunteers[0].id, contact: '0391-7000000' },
        })
      ).createVolunteerTeam.id;
      campaignId = (
        await gql(`mutation ($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
          i: {
            name: CAMPAIGN,
            kind: 'HARVEST_SUPPORT',
            status: 'ACTIVE',
            startsAt: `${day1}T00:00:00+08:00`,
            endsAt: `${shanghaiDate(4)}T00:00:00+08:00`,
            timezone: 'Asia/Shanghai',
            organizationIds: [organizationId],
            teamIds: [teamId],
            goals: [
              { name: '服务人次', unit: '人次', target: 500 },
              { name: '矿泉水', unit: '瓶', target: 1000 },
            ],
            description: '浏览器测试：两个临时服务点，白班 08:00–20:00，夜班 20:00–次日 08:00。',
          },
        })
      ).createCampaign.id;
      pointIds = [];
      for (const [i, name] of POINTS.entries()) {
        const p = await gql(`mutation ($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
          i: { campaignId, name, address: '河南省焦作市修武县', location: { lng: 113.44 + i * 0.02, lat: 35.24 - i * 0.03 }, amenities: ['DRINKING_WATER', 'HEATSTROKE_RELIEF'] },
        });
        pointIds.push(p.addServicePoint.id);
      }
      const plan = await gql(`mutation ($i: ShiftPatternInput!) { planShifts(input: $i, save: true) { created } }`, {
        i: {
          campaignId,
          fromDate: day1,
          toDate: day2,
          stationIds: pointIds,
          slots: [
            { start: '08:00', end: '20:00', maxVolunteers: 3, minVolunteers: 2, role: 'VOLUNTEER' },
            { start: '20:00', end: '08:00', maxVolunteers: 2, minVolunteers: 1, role: '值守' },
          ],
        },
      });
      expect(plan.planShifts.created).toBe(8);
      const shifts = (await gql(`query ($c: ID!) { shifts(filter: {campaignId: $c}, limit: 100) { nodes { id startsAt station { id } } } }`, { c: campaignId })).shifts.nodes as {
        id: string;
        startsAt: string;
        station: { id: string };
      }[];
      const find = (point: number, date: string, time: string) => shifts.find((s) => s.station.id === pointIds[point] && new Date(s.startsAt).getTime() === at(date, time))!.id;
      shiftA = find(0, day1, '08:00');
      shiftB = find(0, day1, '20:00');
      shiftC = find(1, day1, '08:00');
      for (const v of volunteers.slice(0, 3)) await gql(`mutation ($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { status } }`, { s: shiftA, v: v.id });
      await gql(`mutation ($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { status } }`, { s: shiftB, v: volunteers[3].id });
      await gql(`mutation ($c: ID!) { createSupplyItem(campaignId: $c, name: "矿泉水", unit: "瓶") { id } }`, { c: campaignId });
      await gql(`mutation ($c: ID!) { createSupplyItem(campaignId: $c, name: "绿豆汤", unit: "桶") { id } }`, { c: campaignId });
    });

    /** The calendar's event for a shift (a night shift is drawn in two parts, either side of midnight). */
    const eventOf = (id: string) => page.locator(`[data-testid="shift-event"][data-shift-id="${id}"]`).first();

    it('shows the campaign calendar with its shifts grouped by service point and coloured by fill state', async () => {
      await page.goto(`${server.url}/#/campaigns/${campaignId}/show`);
      await page.getByTestId('campaign-name').getByText(CAMPAIGN).waitFor({ timeout: 30_000 });
      const calendar = page.getByTestId('campaign-calendar');
      await calendar.waitFor({ timeout: 30_000 });
      // One column group per service point.
      for (const name of POINTS) await calendar.locator('.rbc-row-resource').getByText(name, { exact: true }).waitFor();
      await eventOf(shiftA).waitFor({ timeout: 15_000 });

      // Full (3/3), partly filled (1/2, a night shift), understaffed (0/3 with a minimum of 2).
      const attrs = (id: string) =>
        eventOf(id).evaluate((el) => ({
          fill: el.getAttribute('data-fill'),
          night: el.getAttribute('data-night'),
          count: el.querySelector('[data-testid="shift-event-count"]')?.textContent,
          background: getComputedStyle(el.closest('.rbc-event')!).backgroundColor,
        }));
      expect(await attrs(shiftA)).toEqual({ fill: 'full', night: 'false', count: '3/3', background: 'rgb(46, 125, 50)' });
      expect(await attrs(shiftB)).toEqual({ fill: 'partial', night: 'true', count: '1/2', background: 'rgb(239, 143, 0)' });
      expect(await attrs(shiftC)).toEqual({ fill: 'understaffed', night: 'false', count: '0/3', background: 'rgb(198, 40, 40)' });
      // Every shift of day 1 is on the calendar: two points, a day and a night shift each.
      const day1Shifts = await page.locator('[data-testid="shift-event"]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-shift-id')))]);
      expect(day1Shifts.length).toBeGreaterThanOrEqual(4);
      // The fill summary: 4 of 20 places.
      expect(await page.getByTestId('fill-summary').getAttribute('data-filled')).toBe('4');
      expect(await page.getByTestId('fill-summary').getAttribute('data-capacity')).toBe('20');
      await page.getByTestId('fill-legend').waitFor();
      await page.screenshot({ path: `${OUTPUT}admin-campaign-calendar.png`, fullPage: true });
    });

    it('signs a volunteer up from the shift panel: the count goes up on the calendar and in the API, and a full shift waitlists', async () => {
      await eventOf(shiftB).click();
      const panel = page.getByTestId('shift-panel');
      await panel.waitFor({ timeout: 15_000 });
      const details = panel.getByTestId('shift-details');
      await expect.poll(() => details.getAttribute('data-filled'), { timeout: 15_000 }).toBe('1');
      // The phone as the API returns it to an ADMIN: masked.
      expect(await panel.getByTestId('assignment-row').first().innerText()).toMatch(/138\*+\d{4}/);

      await panel.getByTestId('volunteer-picker').fill('陈静');
      await page.getByTestId('volunteer-option').filter({ hasText: '陈静' }).click();
      await panel.getByTestId('sign-up').click();
      await page.getByText('已为 陈静 报名').waitFor({ timeout: 15_000 });
      await expect.poll(() => details.getAttribute('data-filled'), { timeout: 15_000 }).toBe('2');
      await panel.locator('[data-testid="assignment-row"][data-volunteer="陈静"][data-status="SIGNED_UP"]').waitFor();
      await page.screenshot({ path: `${OUTPUT}admin-campaign-shift-panel.png` });

      const b = await shiftState(shiftB);
      expect(b.filledCount).toBe(2);
      expect(b.assignments).toContainEqual({ status: 'SIGNED_UP', volunteer: { name: '陈静' } });

      // Back on the calendar the night shift is full now.
      await panel.getByTestId('close-shift-panel').click();
      await panel.waitFor({ state: 'detached' });
      await expect.poll(() => eventOf(shiftB).getAttribute('data-fill'), { timeout: 15_000 }).toBe('full');
      expect(await eventOf(shiftB).getByTestId('shift-event-count').innerText()).toBe('2/2');

      // A full shift: the sign-up is WAITLISTED.
      await eventOf(shiftA).click();
      await panel.waitFor({ timeout: 15_000 });
      await expect.poll(() => panel.getByTestId('shift-details').getAttribute('data-shift-id')).toBe(shiftA);
      await panel.getByTestId('volunteer-picker').fill('赵磊');
      await page.getByTestId('volunteer-option').filter({ hasText: '赵磊' }).click();
      await panel.getByTestId('sign-up').click();
      await page.getByText('班次已满：赵磊 已列入候补').waitFor({ timeout: 15_000 });
      await panel.locator('[data-testid="assignment-row"][data-volunteer="赵磊"][data-status="WAITLISTED"]').waitFor();
      const a = await shiftState(shiftA);
      expect(a.filledCount).toBe(3);
      expect(a.waitlistCount).toBe(1);
      await panel.getByTestId('close-shift-panel').click();
      await panel.waitFor({ state: 'detached' });
    });

    it('lists understaffed shifts first with coverage by day, and reports the conflicts of assigning a team', async () => {
      await page.getByTestId('campaign-tab-fill').click();
      const table = page.getByTestId('fill-table');
      await table.waitFor({ timeout: 15_000 });
      const states = await table.getByTestId('fill-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-fill')));
      expect(states.length).toBe(8);
      // Understaffed first: the six empty shifts (the south point's four, day 2 at the north point) before the two full ones.
      const firstOther = states.findIndex((s) => s !== 'understaffed');
      expect(firstOther).toBe(6);
      expect(states.slice(firstOther).every((s) => s !== 'understaffed')).toBe(true);
      const coverage = page.locator(`[data-testid="coverage-cell"][data-station-id="${pointIds[0]}"][data-date="${day1}"]`);
      expect((await coverage.innerText()).trim()).toBe('5/5');

      await table.locator(`[data-testid="fill-row"][data-shift-id="${shiftC}"] input[type="checkbox"]`).check();
      await page.getByTestId('selection-bar').waitFor();
      await page.getByTestId('open-assign-team').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox').click();
      await page.getByRole('option', { name: TEAM }).click();
      await dialog.getByTestId('assign-check').click();
      const result = dialog.getByTestId('assign-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.getAttribute('data-ok')).toBe('false');
      // Those booked on the north day shift overlap; six members do not fit in three places.
      const conflicts = dialog.getByTestId('assign-conflict');
      expect(await conflicts.count()).toBeGreaterThanOrEqual(3);
      expect(await dialog.getByTestId('assign-conflicts').innerText()).toContain('李建国');
      await page.screenshot({ path: `${OUTPUT}admin-campaign-assign-conflicts.png` });
      // A dry run with conflicts saved nothing.
      expect((await shiftState(shiftC)).filledCount).toBe(0);
      await dialog.getByRole('button', { name: '关闭' }).click();
      await page.screenshot({ path: `${OUTPUT}admin-campaign-fill-rate.png`, fullPage: true });
    });

    it('previews a shift pattern: the planned shifts already exist', async () => {
      await page.getByTestId('campaign-tab-plan').click();
      const toDate = page.locator('input[name="toDate"]');
      await toDate.waitFor({ timeout: 15_000 });
      expect(await page.locator('input[name="fromDate"]').inputValue()).toBe(day1);
      await toDate.fill(day2);
      await page.getByTestId('plan-preview').click();
      const preview = page.getByTestId('plan-preview-result');
      await preview.waitFor({ timeout: 15_000 });
      // The default pattern (志愿者 08:00–20:00 and 20:00–08:00) at both points on two days: every shift exists, also
      // the night shifts planned above with the role 值守 (same point and time, whatever the role).
      expect(await preview.getAttribute('data-existing')).toBe('8');
      expect(await preview.getAttribute('data-new')).toBe('0');
      expect(await preview.getAttribute('data-created')).toBe('0');
      await page.screenshot({ path: `${OUTPUT}admin-campaign-plan.png`, fullPage: true });
      const count = (await gql(`query ($c: ID!) { shifts(filter: {campaignId: $c}) { totalCount } }`, { c: campaignId })).shifts.totalCount;
      expect(count).toBe(8);
    });

    it('lists the campaign\'s shifts and its sign-ups', async () => {
      await page.goto(`${server.url}/#/shifts?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}`);
      await page.getByText(/共 8 条/).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('fill-chip').count()).toBe(8);
      // Three signed up and one waitlisted on the north day shift, two on its night shift.
      await page.goto(`${server.url}/#/shiftAssignments?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}`);
      await page.getByText(/共 6 条/).waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid="assignment-status"][data-status="WAITLISTED"]').count()).toBe(1);
      await page.screenshot({ path: `${OUTPUT}admin-shift-assignments.png` });
    });

    it('edits a volunteer without putting the masked phone it was shown into the form', async () => {
      const v = volunteers[0];
      await page.goto(`${server.url}/#/volunteers/${v.id}`);
      const phone = page.locator('input[name="phone"]');
      await phone.waitFor({ timeout: 30_000 });
      // An ADMIN is shown 138****5590: the input stays empty and says what is on record.
      expect(await phone.inputValue()).toBe('');
      await page.getByText(/当前号码：138\*{4}5590/).waitFor();
      await page.locator('input[name="name"]').fill('李建国（队长）');
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(new RegExp(`#/volunteers/${v.id}/show`), { timeout: 15_000 });
      await page.getByText('138****5590').first().waitFor({ timeout: 15_000 });
      // A coordinator of the volunteer's team sees the full number: unchanged.
      const coordinator = await server.createUser({ username: 'coordinator.scheduling', role: 'COORDINATOR', organizationIds: [organizationId] });
      const seen = await server.graphql(`query ($id: ID!) { volunteer(id: $id) { name phone } }`, { id: v.id }, { token: coordinator.token });
      expect(seen.data.volunteer).toEqual({ name: '李建国（队长）', phone: '13800005590' });
    });

    it('cancels a sign-up from the panel: the first waitlisted volunteer takes the place', async () => {
      await page.goto(`${server.url}/#/campaigns/${campaignId}/show`);
      await eventOf(shiftA).waitFor({ timeout: 30_000 });
      await eventOf(shiftA).click();
      const panel = page.getByTestId('shift-panel');
      await panel.locator('[data-testid="assignment-row"][data-volunteer="王秀英"]').getByTestId('assignment-cancel').click();
      await page.getByRole('dialog').last().getByRole('button', { name: '确认' }).click();
      await page.getByText('已取消 王秀英 的报名').waitFor({ timeout: 15_000 });
      await panel.locator('[data-testid="assignment-row"][data-volunteer="王秀英"][data-status="CANCELLED"]').waitFor({ timeout: 15_000 });
      await panel.locator('[data-testid="assignment-row"][data-volunteer="赵磊"][data-status="SIGNED_UP"]').waitFor({ timeout: 15_000 });
      const a = await shiftState(shiftA);
      expect(a.filledCount).toBe(3);
      expect(a.waitlistCount).toBe(0);
      await panel.getByTestId('close-shift-panel').click();
      await panel.waitFor({ state: 'detached' });
    });

    it('checks volunteers in and out from the panel of a shift under way, and lists their hours', async () => {
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString();
      const other = (
        await gql(`mutation ($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
          i: { name: '浏览器测试夏送清凉', kind: 'SUMMER_COOLING', status: 'ACTIVE', startsAt: iso(now - 86_400_000), endsAt: iso(now + 86_400_000), organizationIds: [organizationId], teamIds: [teamId] },
        })
      ).createCampaign.id;
      const point = (
        await gql(`mutation ($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
          i: { campaignId: other, name: '测试清凉点', location: { lng: 113.42, lat: 35.22 } },
        })
      ).addServicePoint.id;
      const shift = (
        await gql(`mutation ($i: ShiftInput!) { createShift(input: $i) { id } }`, {
          i: { campaignId: other, stationId: point, startsAt: iso(now - 3_600_000), endsAt: iso(now + 3_600_000), role: '送清凉', maxVolunteers: 2, minVolunteers: 1 },
        })
      ).createShift.id;
      const signUp = async (name: string) =>
        (await gql(`mutation ($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: shift, v: volunteers.find((v) => v.name === name)!.id }))
          .signUpForShift.id as string;
      await signUp('王秀英');
      const zhang = await signUp('张伟');
      // 张伟 came 50 minutes ago.
      await gql(`mutation ($id: ID!, $at: DateTime!) { checkIn(assignmentId: $id, at: $at) { status } }`, { id: zhang, at: iso(now - 50 * 60_000) });

      await page.goto(`${server.url}/#/campaigns/${other}/show`);
      await eventOf(shift).waitFor({ timeout: 30_000 });
      await eventOf(shift).click();
      const panel = page.getByTestId('shift-panel');
      await panel.locator('[data-testid="assignment-row"][data-volunteer="王秀英"]').getByTestId('assignment-checkIn').click();
      await page.getByText('王秀英 已签到').waitFor({ timeout: 15_000 });
      await panel.locator('[data-testid="assignment-row"][data-volunteer="王秀英"][data-status="CHECKED_IN"]').waitFor({ timeout: 15_000 });
      await panel.locator('[data-testid="assignment-row"][data-volunteer="张伟"]').getByTestId('assignment-checkOut').click();
      await page.getByText('张伟 已签退').waitFor({ timeout: 15_000 });
      const done = panel.locator('[data-testid="assignment-row"][data-volunteer="张伟"][data-status="COMPLETED"]');
      await done.waitFor({ timeout: 15_000 });
      expect(await done.innerText()).toMatch(/0\.8 小时/);
      await page.screenshot({ path: `${OUTPUT}admin-campaign-check-in-out.png` });
      await panel.getByTestId('close-shift-panel').click();

      await page.getByTestId('campaign-tab-hours').click();
      const hours = page.getByTestId('volunteer-hours');
      await hours.getByText('张伟').waitFor({ timeout: 15_000 });
      expect(await hours.locator('tbody tr').count()).toBe(1);
      const api = await gql(`query ($c: ID!) { volunteerHours(campaignId: $c) { name hours completedShifts } }`, { c: other });
      expect(api.volunteerHours).toHaveLength(1);
      expect(api.volunteerHours[0]).toMatchObject({ name: '张伟', completedShifts: 1 });
      expect(api.volunteerHours[0].hours).toBeCloseTo(50 / 60, 1);
      await page.screenshot({ path: `${OUTPUT}admin-campaign-hours.png` });
    });

    it('gives an OPERATOR campaigns read-only and a quick entry of people served and supplies', async () => {
      const operator = await server.createUser({ username: 'operator.campaign', role: 'OPERATOR', organizationIds: [organizationId] });
      expect(operator.id).toBeTruthy();
      const p = await openPage();
      await p.goto(`${server.url}/#/quick-entry?campaignId=${campaignId}`);
      await signIn(p, 'operator.campaign');
      await p.waitForURL(/#\/quick-entry/, { timeout: 15_000 });
      const entry = p.getByTestId('quick-entry');
      await entry.waitFor({ timeout: 30_000 });
      // Campaigns and the quick entry; no teams, volunteers, shifts or sign-ups.
      await menuLink(p, 'campaigns').waitFor();
      expect(await p.getByTestId('menu-quick-entry').count()).toBe(1);
      for (const path of ['volunteerTeams', 'volunteers', 'shifts', 'shiftAssignments']) expect(await menuLink(p, path).count()).toBe(0);

      // Defaults: the campaign's first point the operator runs, today.
      await expect.poll(() => entry.getByTestId('entry-station').inputValue(), { timeout: 15_000 }).not.toBe('');
      expect(pointIds).toContain(await entry.getByTestId('entry-station').inputValue());
      expect(await entry.getByTestId('entry-day').inputValue()).toBe(shanghaiDate(0));
      await entry.getByTestId('entry-people').fill('120');
      await entry.locator('[data-testid="entry-quantity"][data-item="矿泉水"]').fill('30');
      await entry.getByTestId('entry-save').click();
      await p.getByText(/已登记：服务 120 人次，矿泉水 30 瓶/).waitFor({ timeout: 15_000 });
      await expect.poll(() => entry.getByTestId('entry-recorded-people').getAttribute('data-value'), { timeout: 15_000 }).toBe('120');
      await p.screenshot({ path: `${OUTPUT}admin-quick-entry.png`, fullPage: true });

      const campaign = await gql(`query ($id: ID!) { campaign(id: $id) { peopleServed supplyTotals { item { name } quantity } } }`, { id: campaignId });
      expect(campaign.campaign.peopleServed).toBe(120);
      expect(campaign.campaign.supplyTotals).toEqual([{ item: { name: '矿泉水' }, quantity: 30 }]);

      // The campaign page, read-only: supplies and service points, no calendar, no edit.
      await p.goto(`${server.url}/#/campaigns/${campaignId}/show`);
      await p.getByTestId('supplies-panel').waitFor({ timeout: 30_000 });
      // The page may first show the cached campaign, then the refetched one.
      await expect.poll(() => p.getByTestId('people-served').innerText(), { timeout: 15_000 }).toBe('120');
      await expect.poll(() => p.locator('[data-testid="supply-total"][data-item="矿泉水"]').getAttribute('data-quantity'), { timeout: 15_000 }).toBe('30');
      expect(await p.getByTestId('campaign-tab-calendar').count()).toBe(0);
      expect(await p.getByRole('link', { name: '编辑' }).count()).toBe(0);
      await p.screenshot({ path: `${OUTPUT}admin-operator-campaign.png`, fullPage: true });
      await p.context().close();
    });

    it('renders the seeded 修武县 campaign (three points, day and night shifts) when the seed has it', async () => {
      const seeded = await gql(`query { campaigns(limit: 50) { nodes { id name } } }`);
      const xiuwu = seeded.campaigns.nodes.find((c: { name: string }) => c.name.includes('修武县'));
      if (!xiuwu) return;
      await page.goto(`${server.url}/#/campaigns/${xiuwu.id}/show`);
      await page.getByTestId('campaign-calendar').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="shift-event"]').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.rbc-row-resource .rbc-header').count()).toBe(3);
      await page.screenshot({ path: `${OUTPUT}admin-campaign-seeded.png`, fullPage: true });
    });
  });

  it('made no request outside the test server, threw no page errors and broke no CSP rule', () => {
    if (consoleErrors.length) console.log('[browser console errors]\n' + consoleErrors.join('\n'));
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
