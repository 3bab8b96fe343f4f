import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, reportCspViolations } from '../helpers/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The bundled GraphQL explorer (GraphiQL at /graphql) and the developer guide (/developers) in headless Chromium:
 * the explorer runs its example query and a typed one and shows the answers, with every request the page makes
 * going to the server itself (no CDN), no page error and no Content-Security-Policy violation.
 */

const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 120_000;

let server: TestServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];
const cspViolations: string[] = [];

/** The text of GraphiQL's response pane. */
const responseText = (p: Page) => p.evaluate(() => (document.querySelector('.graphiql-response .CodeMirror') as any)?.CodeMirror?.getValue() ?? '');

describe('developer pages in the browser', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await reportCspViolations(context, cspViolations);
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the explorer at /graphql and runs its example: the nearest open station with water and a toilet', async () => {
    // A station the example must find: at 二七广场, open around the clock, with water and a toilet.
    const made = await server.graphql(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, {
      i: { kind: 'LOVE_STATION', name: '浏览器示例驿站', location: { lng: 113.6255, lat: 34.7467, crs: 'GCJ02' }, amenities: ['DRINKING_WATER', 'TOILET'], openingHours: '24/7' },
    });
    expect(made.errors).toBeUndefined();
    const res = await page.goto(`${server.url}/graphql`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    expect(await page.title()).toContain('GraphQL explorer');
    const answer = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('NearestOpen'));
    await page.locator('.graphiql-execute-button').click();
    expect((await answer).status()).toBe(200);
    await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain('distanceMeters');
    const body = JSON.parse(await responseText(page));
    expect(body.errors).toBeUndefined();
    expect(body.data.nearbyStations.edges[0].node).toMatchObject({ id: made.data.createStation.id, name: '浏览器示例驿站' });
    await page.screenshot({ path: `${OUTPUT}explorer-example.png` });
  });

  it('runs a query typed into the editor and shows the station it names', async () => {
    const st = (await server.graphql(`{ stations(limit: 1, orderBy: {field: NAME, direction: ASC}) { nodes { id name } } }`)).data.stations.nodes[0];
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(`query Typed { node(id: "${st.id}") { ... on Station { name } `);
    await page.evaluate(() => {
      const cm = (document.querySelector('.graphiql-query-editor .CodeMirror') as any).CodeMirror;
      // Auto-closed brackets differ between set-ups; make the text exactly what was meant.
      cm.setValue(cm.getValue().replace(/[\s}]*$/, ' } } }'));
    });
    // GraphiQL re-reads the operation name from the editor shortly after a change, as it would while a person types.
    await page.waitForTimeout(1000);
    const typed = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('Typed'));
    await page.keyboard.press('Control+Enter');
    const sent = JSON.parse((await typed).request().postData()!);
    expect(sent.operationName ?? 'Typed').toBe('Typed');
    expect(sent.query).toBe(`query Typed { node(id: "${st.id}") { ... on Station { name } } }`);
    await expect.poll(() => responseText(page), { timeout: 15_000 }).toMatch(/"(data|errors)"/);
    expect(JSON.parse(await responseText(page))).toEqual({ data: { node: { name: st.name } } });
  });

  it('shows the developer guide at /developers with the explorer one link away', async () => {
    const res = await page.goto(`${server.url}/developers`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { name: /developer guide/i }).waitFor();
    for (const id of ['keys', 'headers', 'cost', 'errors', 'examples']) expect(await page.locator(`#${id}`).count()).toBe(1);
    await page.screenshot({ path: `${OUTPUT}developer-guide.png`, fullPage: true });
    await page.locator('a[href="/graphql"]').first().click();
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  });

  it('made no request that left the server, and had no page error or CSP violation', () => {
    const origin = new URL(server.url).origin;
    const outside = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
    expect(requests.length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
