import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, reportCspViolations } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The dashboard (the landing page of every role) and the station acceptance / grading flow in headless Chromium
 * against a seeded server: an ADMIN, an OPERATOR and a COORDINATOR each sign in and land on a dashboard that
 * shows their own counts (equal to what the API lists for them), the charts and the county map; the ADMIN then
 * inspects a PLANNED station against the 六有 checklist, which activates it, and grades it with stars and a
 * title. Page errors, CSP violations and requests to other hosts fail the test. Screenshots: tests/output/.
 */
const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 180_000;

let server: TestServer;
let browser: Browser;
const problems: string[] = [];
const tokens: Record<string, { token: string }> = {};

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await reportCspViolations(context, problems);
  const p = await context.newPage();
  const origin = new URL(server.url).origin;
  p.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) problems.push(`outside request ${r.url()}`);
  });
  p.on('pageerror', (e) => problems.push(`page error ${e.message}`));
  return p;
}

async function signIn(p: Page, username: string) {
  await p.goto(`${server.url}/`);
  await p.waitForURL(/#\/login/, { timeout: 30_000 });
  await p.locator('input[name="username"]').fill(username);
  await p.locator('input[name="password"]').fill('test-password-雷锋-2026');
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
}

describe('dashboard and station grading in the browser', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true, env: { RATE_LIMIT_USER_PER_MINUTE: '10000000' } });
    browser = await launchChromium();
    const orgs = (await server.graphql(`{ organizations(limit: 200) { nodes { id name } } }`)).data.organizations.nodes;
    const org = (name: string) => orgs.find((o: any) => o.name === name).id;
    tokens.operator = { token: (await server.createUser({ username: 'dash.operator', role: 'OPERATOR', organizationIds: [org('巩义市总工会')] })).token };
    tokens.coordinator = { token: (await server.createUser({ username: 'dash.coordinator', role: 'COORDINATOR', organizationIds: [org('修武县总工会')] })).token };
    // People served this month at a 巩义 station and at a 三夏 service point.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const gy = (await server.graphql(`query($o: ID!) { stations(filter: {operatorOrganizationId: $o}, limit: 1) { nodes { id } } }`, { o: org('巩义市总工会') })).data.stations.nodes[0].id;
    const sanxia = (await server.graphql(`{ campaigns(limit: 10) { nodes { name stations { id } } } }`)).data.campaigns.nodes.find((c: any) => c.name.includes('三夏'));
    for (const [st, n] of [[gy, 120], [sanxia.stations[0].id, 260]] as const) {
      const r = await server.graphql(`mutation($st: ID!, $d: String!, $n: Int!) { recordServiceLog(stationId: $st, day: $d, peopleServed: $n) { id } }`, { st, d: today, n });
      expect(r.errors).toBeUndefined();
    }
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const role of ['admin', 'operator', 'coordinator'] as const) {
    it(`${role}: lands on the dashboard with their own counts, charts and county map`, async () => {
      const as = role === 'admin' ? 'admin' : tokens[role];
      const d = (await server.graphql(`{ dashboard { stationCount peopleServedMonth countyCounts { regionCode } } stations(limit: 1) { totalCount } }`, {}, as)).data;
      expect(d.dashboard.stationCount).toBe(d.stations.totalCount);
      const p = await openPage();
      await signIn(p, role === 'admin' ? 'admin' : `dash.${role}`);
      try {
        await p.getByTestId('dashboard').waitFor({ timeout: 60_000 });
      } catch (e) {
        await p.screenshot({ path: `${OUTPUT}dashboard-${role}-failed.png` });
        throw new Error(`no dashboard at ${p.url()}: ${problems.join('; ')}`, { cause: e });
      }
      // The stats, or the error the page shows instead (reported with a screenshot).
      await p.locator('[data-testid="stat-stations"], [data-testid="dashboard"] .MuiAlert-message').first().waitFor({ timeout: 60_000 }).catch(() => undefined);
      const alert = p.locator('[data-testid="dashboard"] .MuiAlert-message');
      if (await alert.count()) {
        await p.screenshot({ path: `${OUTPUT}dashboard-${role}-error.png` });
        throw new Error(`the dashboard shows an error: ${await alert.innerText()}`);
      }
      if (!(await p.getByTestId('stat-stations').count())) {
        await p.screenshot({ path: `${OUTPUT}dashboard-${role}-failed.png` });
        const probe = await p.evaluate(async () => (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ dashboard { stationCount } }' }) })).text());
        throw new Error(`no stats: ${probe} ${problems.join('; ')}`);
      }
      await expect.poll(() => p.getByTestId('stat-stations').innerText(), { timeout: 30_000 }).toBe(d.stations.totalCount.toLocaleString('zh-CN'));
      expect(await p.getByTestId('stat-served-month').innerText()).toBe(d.dashboard.peopleServedMonth.toLocaleString('zh-CN'));
      await p.getByText('驿站类型与状态').waitFor();
      // ECharts draws on a canvas; MapLibre shows one numbered marker per county.
      await p.locator('[data-testid="chart-kind-status"] canvas').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => p.locator('.yizhan-county-marker').count(), { timeout: 30_000 }).toBe(Math.min(150, d.dashboard.countyCounts.length));
      if (role !== 'operator') await p.getByTestId('dashboard-campaign').first().waitFor({ timeout: 15_000 });
      else expect(await p.getByText('暂无进行中的专项活动。').count()).toBe(1);
      await p.waitForTimeout(800);
      await p.screenshot({ path: `${OUTPUT}dashboard-${role}.png`, fullPage: true });
      await p.context().close();
    });
  }

  it('admin: inspects a PLANNED station against 六有 (activating it) and grades it with stars and a title', async () => {
    const c = await server.graphql(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, {
      i: { kind: 'LOVE_STATION', name: '浏览器验收测试驿站', location: { lng: 113.66, lat: 34.78 }, status: 'PLANNED', labels: ['LOVE_STATION', 'COURIER_HOME'] },
    });
    const id = c.data.createStation.id;
    const p = await openPage();
    await signIn(p, 'admin');
    await p.goto(`${server.url}/#/stations/${id}/show`);
    await p.getByTestId('planned-hint').waitFor({ timeout: 30_000 });
    expect(await p.getByTestId('station-labels').innerText()).toMatch(/爱心驿站[\s\S]*快递小哥之家/);

    await p.getByTestId('inspect-button').click();
    for (const item of ['DRINKING_WATER', 'SEATING', 'AIR_CONDITIONING', 'FIRST_AID_KIT', 'TOILET', 'CHARGING']) await p.getByTestId(`item-${item}`).locator('input').check();
    await p.getByTestId('inspector').fill('王验收');
    expect(await p.getByTestId('activate').locator('input').isChecked()).toBe(true);
    await p.screenshot({ path: `${OUTPUT}station-inspection-dialog.png` });
    await p.getByTestId('inspection-save').click();
    await p.getByTestId('station-inspections').getByText('通过').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await server.graphql(`query($id: ID!) { station(id: $id) { status } }`, { id })).data.station.status, { timeout: 15_000 }).toBe('ACTIVE');
    await expect.poll(() => p.getByTestId('planned-hint').count(), { timeout: 15_000 }).toBe(0);

    await p.getByTestId('grade-button').click();
    await p.getByTestId('stars').locator('label').nth(3).click();
    await p.getByTestId('add-title').click();
    await p.getByTestId('awarding-body').fill('河南省总工会');
    await p.getByTestId('title-row').getByRole('combobox').click();
    await p.getByRole('option', { name: '省级优秀站点' }).click();
    await p.screenshot({ path: `${OUTPUT}station-grade-dialog.png` });
    await p.getByTestId('grade-save').click();
    await p.getByTestId('station-titles').getByText(/省级优秀站点 · 河南省总工会/).waitFor({ timeout: 15_000 });
    const g = (await server.graphql(`query($id: ID!) { station(id: $id) { gradeStars titles { level awardingBody } } }`, { id }, 'anonymous')).data.station;
    expect(g).toEqual({ gradeStars: 4, titles: [{ level: 'PROVINCIAL', awardingBody: '河南省总工会' }] });
    await p.waitForTimeout(500);
    await p.screenshot({ path: `${OUTPUT}station-graded.png`, fullPage: true });
    await p.context().close();
    expect(problems).toEqual([]);
  });
});
