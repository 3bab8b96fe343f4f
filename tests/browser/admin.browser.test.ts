import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
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
  await context.exposeFunction('__reportCsp', (text: string) => cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
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
    expect(await newest.innerText()).toContain('updateStation');
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

  it('made no request outside the test server, threw no page errors and broke no CSP rule', () => {
    if (consoleErrors.length) console.log('[browser console errors]\n' + consoleErrors.join('\n'));
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
