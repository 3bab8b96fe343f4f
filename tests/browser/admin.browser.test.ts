import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The built admin (admin/dist) in headless Chromium against a seeded server: the station list,
 * the map of the list, editing amenities, and a CONFLICT on a stale edit. Any request to a host
 * other than the test server fails the test: the admin and its basemap must work offline.
 */

const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 120_000;

let server: TestServer;
let browser: Browser;
let page: Page;
const outsideRequests: string[] = [];
const pageErrors: string[] = [];

const STATION = `query ($id: ID!) { station(id: $id) { id name amenities version } }`;

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
  const p = await context.newPage();
  const origin = new URL(server.url).origin;
  p.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) outsideRequests.push(request.url());
  });
  p.on('pageerror', (error) => pageErrors.push(error.message));
  return p;
}

describe('admin in the browser', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--use-angle=swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await openPage();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the seeded stations in Chinese', async () => {
    await page.goto(`${server.url}/#/stations`);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await page.getByRole('columnheader', { name: '名称' }).waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();
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

  it('saves a ticked amenity checkbox through updateStation', async () => {
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
    await page.screenshot({ path: `${OUTPUT}admin-station-show.png`, fullPage: true });
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

  it('made no request outside the test server and threw no page errors', () => {
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
