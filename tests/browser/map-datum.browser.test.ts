import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, reportCspViolations } from '../helpers/browser';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server';
import { vincenty, wgsToGcj } from '../helpers/reference-geo';

/**
 * The admin's maps in the datum of the basemap, and the offline basemap's Chinese place names:
 * - with the bundled offline style, county and town names are drawn (MapLibre draws them with the browser's own
 *   CJK font, so no glyph file and no outside request);
 * - with an online style in GCJ-02 (MAP_STYLE_URL + MAP_STYLE_DATUM=GCJ02; a local stand-in style here), markers
 *   sit at each station's GCJ-02 position and a click in the location picker stores the WGS-84 point under it.
 * Positions are checked against the independent formula of tests/helpers/reference-geo.ts.
 */
const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 180_000;

type Station = { id: string; name: string; location: { lng: number; lat: number } };

async function openPage(browser: Browser, server: TestServer, outside: string[], csp: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await reportCspViolations(context, csp);
  const page = await context.newPage();
  const origin = new URL(server.url).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) outside.push(request.url());
  });
  await page.goto(`${server.url}/#/stations`);
  await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 60_000 });
  return page;
}

/** Waits until the page's map has loaded and drawn everything of its view. */
async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__yizhanMap;
    return !!map && map.loaded() && map.areTilesLoaded() && !map.isMoving();
  }, undefined, { timeout: 60_000 });
}

/** Moves the map without animation and waits until it has drawn the new view. */
async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([center, zoom]) =>
      new Promise<void>((resolve) => {
        const map = (window as any).__yizhanMap;
        map.once('idle', () => resolve());
        map.jumpTo({ center, zoom });
      }),
    [center, zoom] as const,
  );
}

describe('offline basemap labels', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  const outside: string[] = [];
  const csp: string[] = [];
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true });
    browser = await launchChromium();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws county and town names in Chinese, with no request leaving the server', async () => {
    const page = await openPage(browser, server, outside, csp);
    await page.getByTestId('toggle-map').click();
    await mapIdle(page);
    const labels = async () =>
      page.evaluate(() => {
        const map = (window as any).__yizhanMap;
        return [...new Set((map.queryRenderedFeatures({ layers: ['place-labels'] }) as any[]).map((f) => `${f.properties.level}:${f.properties.name}`))];
      });
    await jumpTo(page, [113.66, 34.77], 10);
    const counties = await labels();
    expect(counties).toContain('county:金水区');
    await page.screenshot({ path: `${OUTPUT}map-labels-z10.png` });
    await jumpTo(page, [113.66, 34.77], 12.5);
    const towns = (await labels()).filter((l) => l.startsWith('town:'));
    expect(towns.length).toBeGreaterThan(3);
    await page.screenshot({ path: `${OUTPUT}map-labels-z12.png` });
    // Labels were drawn, and nothing was fetched for them but this server's place tiles.
    expect(outside).toEqual([]);
    expect(csp).toEqual([]);
  });
});

describe('a basemap drawn in GCJ-02', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  let styleServer: http.Server;
  const outside: string[] = [];
  const csp: string[] = [];
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    // Stands in for an AMap-style online basemap: a plain background (what matters is the datum it declares).
    styleServer = http.createServer((_req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef0e6' } }] }));
    });
    await new Promise<void>((resolve) => styleServer.listen(0, '127.0.0.1', resolve));
    const { port } = styleServer.address() as AddressInfo;
    server = await startTestServer({ seed: true, env: { MAP_STYLE_URL: `http://127.0.0.1:${port}/style.json`, MAP_STYLE_DATUM: 'GCJ02' } });
    browser = await launchChromium();
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    styleServer?.close();
  });

  it('draws each station marker at its GCJ-02 position (within 1 m of the independent conversion)', async () => {
    const page = await openPage(browser, server, outside, csp);
    await page.getByTestId('toggle-map').click();
    await mapIdle(page);
    const drawn = await page.evaluate(async () => {
      const map = (window as any).__yizhanMap;
      const data = await map.getSource('stations').getData();
      return (data.features as any[]).map((f) => ({ id: f.properties.id as string, at: f.geometry.coordinates as [number, number] }));
    });
    const r = await server.graphql<{ stations: { nodes: Station[] } }>(`{ stations(limit: 1000) { nodes { id name location { lng lat } } } }`);
    const byId = new Map(r.data!.stations.nodes.map((s) => [s.id, s]));
    expect(drawn.length).toBe(byId.size);
    for (const d of drawn) {
      const s = byId.get(d.id)!;
      const [lng, lat] = wgsToGcj(s.location.lng, s.location.lat);
      expect(vincenty(d.at[0], d.at[1], lng, lat), s.name).toBeLessThan(1);
      // And not where a WGS-84 basemap would put it: GCJ-02 is hundreds of metres off in Zhengzhou.
      expect(vincenty(d.at[0], d.at[1], s.location.lng, s.location.lat)).toBeGreaterThan(100);
    }
    await page.screenshot({ path: `${OUTPUT}map-gcj02-markers.png` });
  });

  it('stores the WGS-84 point under a click in the location picker', async () => {
    const page = await openPage(browser, server, outside, csp);
    const r = await server.graphql<{ stations: { nodes: Station[] } }>(`{ stations(limit: 1) { nodes { id name location { lng lat } } } }`);
    const station = r.data!.stations.nodes[0];
    await page.goto(`${server.url}/#/stations/${station.id}`);
    const picker = page.getByTestId('location-picker');
    await picker.waitFor({ timeout: 60_000 });
    // The marker is added once the map has loaded and the record's point is in the form; idle alone can come first.
    await picker.locator('.maplibregl-marker').waitFor({ timeout: 60_000 });
    await mapIdle(page);
    // The marker of the stored point is drawn at its GCJ-02 position.
    const marker = await page.evaluate(() => {
      const map = (window as any).__yizhanMap;
      const el = document.querySelector('[data-testid="location-picker"] .maplibregl-marker') as HTMLElement;
      const box = el.getBoundingClientRect();
      const canvas = map.getCanvas().getBoundingClientRect();
      // The marker's tip is the bottom centre of its element.
      const p = map.unproject([box.left + box.width / 2 - canvas.left, box.bottom - canvas.top]);
      return [p.lng, p.lat] as [number, number];
    });
    const [gLng, gLat] = wgsToGcj(station.location.lng, station.location.lat);
    // A few pixels of the marker's drawing at zoom 13 (about 19 m a pixel at 34.7° N... at 512-px tiles, ~15 m).
    expect(vincenty(marker[0], marker[1], gLng, gLat)).toBeLessThan(60);

    // Click 120 px right of the canvas centre; the form gets the WGS-84 point whose GCJ-02 is under the click.
    const canvas = picker.locator('canvas');
    const box = (await canvas.boundingBox())!;
    const click = { x: box.width / 2 + 120, y: box.height / 2 };
    // Where MapLibre saw the click (the browser rounds the pointer to whole pixels).
    await page.evaluate(() => {
      const map = (window as any).__yizhanMap;
      map.once('click', (e: any) => ((window as any).__lastClick = [e.lngLat.lng, e.lngLat.lat]));
    });
    await canvas.click({ position: click });
    const clicked = (await page.waitForFunction(() => (window as any).__lastClick)).jsonValue() as Promise<[number, number]>;
    const lngInput = picker.getByLabel('经度');
    const latInput = picker.getByLabel('纬度');
    await expect.poll(async () => Number(await lngInput.inputValue()), { timeout: 15_000 }).not.toBeCloseTo(station.location.lng, 6);
    const stored: [number, number] = [Number(await lngInput.inputValue()), Number(await latInput.inputValue())];
    const [sLng, sLat] = wgsToGcj(...stored);
    const at = await clicked;
    expect(vincenty(sLng, sLat, at[0], at[1])).toBeLessThan(1);
    expect(vincenty(stored[0], stored[1], at[0], at[1])).toBeGreaterThan(100);
    await page.screenshot({ path: `${OUTPUT}map-gcj02-picker.png` });
    expect(csp).toEqual([]);
  });
});
