import fs, { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, reportCspViolations } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { createFinderStations, linkErrorMeters, ZHENGZHOU } from '../helpers/finder';
import { NEARBY } from '../../admin/src/finder/queries';
import { soonInstant } from '../../admin/src/finder/hours';
// @ts-expect-error plain ES module script without types
import { BUDGET_BYTES, finderSizes } from '../../admin/scripts/finder-size.mjs';

/**
 * The station finder (/find, admin/dist) on a phone-sized screen (390 × 844, zh-CN, touch) with geolocation
 * allowed at a Zhengzhou point: the nearest open stations in the API's order, the toilet filter, a station's page
 * with its phone and navigation links (checked against coordtransform within 1 m), and the map, loaded on demand,
 * whose station tiles and a picked point lead to a new search. Any request to another host, page error, CSP
 * violation, 5xx or INTERNAL_SERVER_ERROR fails the test; screenshots go to tests/output/finder-*.png.
 */

const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const DIST = path.resolve(__dirname, '../../admin/dist');
const TIMEOUT = 180_000;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ids: Record<string, string>;
const outsideRequests: string[] = [];
const pageErrors: string[] = [];
const cspViolations: string[] = [];
const serverFaults: string[] = [];
const scripts: string[] = [];

const cardIds = () => page.locator('li.card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.stationId!));
const cardDistances = () => page.locator('li.card').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.distance)));

/** The same search as the page's, asked directly as an anonymous caller. */
async function apiOrder(amenities: string[] | null, near = ZHENGZHOU) {
  const r = await server.post(
    { query: NEARBY, variables: { near: { ...near, crs: 'WGS84' }, radius: 10_000, kinds: null, amenities, openNow: true, soon: soonInstant(), after: null } },
    'anonymous',
  );
  expect(r.body.errors).toBeUndefined();
  return (r.body.data.nearbyStations.edges as { node: { id: string } }[]).map((e) => e.node.id);
}

describe('station finder in a phone browser', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true });
    ids = await createFinderStations(server);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      geolocation: { latitude: ZHENGZHOU.lat, longitude: ZHENGZHOU.lng, accuracy: 20 },
      permissions: ['geolocation'],
    });
    await reportCspViolations(context, cspViolations);
    page = await context.newPage();
    const origin = new URL(server.url).origin;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== origin) outsideRequests.push(request.url());
      if (request.resourceType() === 'script' || url.pathname.endsWith('.js')) scripts.push(url.pathname.replace(/^\//, ''));
    });
    page.on('response', async (response) => {
      if (response.status() >= 500) serverFaults.push(`${response.status()} ${response.url()}`);
      if (response.url().endsWith('/graphql')) {
        const body = await response.text().catch(() => '');
        if (body.includes('INTERNAL_SERVER_ERROR')) serverFaults.push(`INTERNAL_SERVER_ERROR ${body.slice(0, 300)}`);
      }
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('locates the phone and lists the nearest open stations in the order of their distance', async () => {
    await page.goto(`${server.url}/find`);
    await page.getByText('位置: 我的位置').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await cardIds()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    const shown = await cardIds();
    expect(shown.slice(0, 3)).toEqual([ids['测试驿站甲（有厕所）'], ids['测试驿站乙（无厕所）'], ids['测试司机之家丙']]);
    expect(shown).not.toContain(ids['测试驿站丁（已关门）']);
    expect(shown).toEqual((await apiOrder(null)).slice(0, shown.length));
    const distances = await cardDistances();
    for (let i = 1; i < distances.length; i++) expect(distances[i]).toBeGreaterThanOrEqual(distances[i - 1]);
    const first = page.locator('li.card').first();
    expect(await first.innerText()).toMatch(/测试驿站甲（有厕所）[\s\S]*\d+ 米[\s\S]*营业中[\s\S]*全天开放[\s\S]*厕所[\s\S]*0371-12345678/);
    expect(await first.locator('a.call').getAttribute('href')).toBe('tel:037112345678');
    expect(await page.locator('li.card [data-open-state="open"], li.card [data-open-state="closingSoon"]').count()).toBe(shown.length);
    // Touch targets: the chips, the location button and each card's open button are at least 44 px tall.
    for (const el of [page.getByRole('button', { name: '厕所', exact: true }), page.getByRole('button', { name: /用我的位置/ }), first.locator('button.card-open')]) {
      expect((await el.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${OUTPUT}finder-list.png` });
    await page.screenshot({ path: `${OUTPUT}finder-list-full.png`, fullPage: true });
  });

  it('loads only the finder code (no admin bundle, no MapLibre) until the map is opened', () => {
    const sizes = finderSizes(DIST);
    const initialJs = Object.keys(sizes.initial).filter((f) => f.endsWith('.js'));
    expect([...new Set(scripts)].sort()).toEqual(initialJs.sort());
    expect(sizes.initialJs).toBeLessThan(BUDGET_BYTES);
    const adminEntry = /src="\/(assets\/main-[\w-]+\.js)"/.exec(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'))![1];
    expect(scripts).not.toContain(adminEntry);
  });

  it('filters by toilet: only stations with a toilet, in the API order', async () => {
    await page.getByRole('button', { name: '厕所', exact: true }).click();
    expect(await page.getByRole('button', { name: '厕所', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await cardIds()).includes(ids['测试驿站乙（无厕所）']), { timeout: 30_000 }).toBe(false);
    await expect.poll(async () => (await cardIds()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const shown = await cardIds();
    expect(shown.slice(0, 2)).toEqual([ids['测试驿站甲（有厕所）'], ids['测试司机之家丙']]);
    expect(shown).toEqual((await apiOrder(['TOILET'])).slice(0, shown.length));
    for (const text of await page.locator('li.card ul.amenities').allInnerTexts()) expect(text).toContain('厕所');
    await page.locator('li.card').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUTPUT}finder-toilet.png` });
  });

  it('opens a station: address, hours, phones and navigation links in each app datum within 1 m', async () => {
    await page.locator(`li.card[data-station-id="${ids['测试司机之家丙']}"] button.card-open`).click();
    await page.getByRole('heading', { name: '测试司机之家丙' }).waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(`#station=${ids['测试司机之家丙']}`);
    const text = await page.locator('main.detail').innerText();
    expect(text).toMatch(/司机之家[\s\S]*营业中[\s\S]*郑州市金水区测试路3号[\s\S]*全天开放[\s\S]*货车停车/);
    expect(await page.locator('main.detail a.call').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:13800138000', 'tel:03716666']);
    const links = await page.locator('a.nav').evaluateAll((as) => as.map((a) => ({ app: (a as HTMLElement).dataset.app, href: a.getAttribute('href')!, text: a.textContent })));
    expect(links.map((l) => [l.app, l.text])).toEqual([['amap', '高德地图'], ['baidu', '百度地图'], ['tencent', '腾讯地图']]);
    const wgs = (await server.post({ query: `query($id: ID!) { station(id: $id) { location { lng lat } } }`, variables: { id: ids['测试司机之家丙'] } }, 'anonymous')).body.data.station.location;
    for (const l of links) expect(linkErrorMeters(l.href, wgs), l.app).toBeLessThan(1);
    expect(new URL(links[1].href).searchParams.get('coord_type')).toBe('bd09ll');
    await page.screenshot({ path: `${OUTPUT}finder-station.png`, fullPage: true });
    // The phone's back button returns to the list, filters kept.
    await page.goBack();
    await page.locator('li.card').first().waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: '厕所', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens the map on demand, draws station tiles, and a picked point starts a new search', async () => {
    const tile = page.waitForResponse((r) => r.url().includes('/tiles/stations/') && r.status() === 200, { timeout: 60_000 });
    await page.getByRole('button', { name: /在地图上选点/ }).click();
    await tile;
    await expect.poll(() => page.evaluate(() => !!(window as any).__finderMap?.loaded()), { timeout: 60_000 }).toBe(true);
    expect(scripts.some((s) => /maplibre/i.test(s))).toBe(true);
    await page.locator('.map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUTPUT}finder-map.png` });
    // Tap a point right of the origin: it becomes the search origin and the list is searched again from there.
    const target = await page.evaluate(() => {
      const map = (window as any).__finderMap!;
      const box = map.getCanvas().getBoundingClientRect();
      const at = { x: box.width * 0.85, y: box.height * 0.3 };
      return { x: box.left + at.x, y: box.top + at.y, lngLat: map.unproject([at.x, at.y]).toArray() as [number, number] };
    });
    const search = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('FinderNearby'), { timeout: 30_000 });
    await page.touchscreen.tap(target.x, target.y);
    await page.getByText('位置: 地图上选的点').waitFor({ timeout: 15_000 });
    const request = await search;
    expect(request.status()).toBe(200);
    // The picked position goes to the API in WGS-84 (the map draws in WGS-84 today), within a pixel (~20 m) of the tap.
    const sent = JSON.parse(request.request().postData()!).variables.near;
    expect(sent.crs).toBe('WGS84');
    expect(Math.abs(sent.lng - target.lngLat[0])).toBeLessThan(0.0003);
    expect(Math.abs(sent.lat - target.lngLat[1])).toBeLessThan(0.0003);
    const expected = await apiOrder(['TOILET'], { lng: sent.lng, lat: sent.lat });
    await expect.poll(async () => JSON.stringify(await cardIds()), { timeout: 30_000 }).toBe(JSON.stringify(expected.slice(0, (await cardIds()).length)));
    expect((await cardIds()).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${OUTPUT}finder-picked.png`, fullPage: true });
  });

  it('made no request to another host, no page error, no CSP violation and no server fault', () => {
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(serverFaults).toEqual([]);
    expect(server.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
