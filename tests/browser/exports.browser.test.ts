import fs, { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, reportCspViolations } from '../helpers/browser';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * Exports and import from the page in headless Chromium (issue 15 §2, §3): the station list's export menu
 * downloads the filtered list (every row, not one page), the reports page and the printable roster, and the
 * import page's dry-run preview with its rejected rows (their reasons translated), then the commit with its
 * progress bar, and a refused import and export said in Chinese (extensions.reason). Screenshots in
 * tests/output/exports-*.png. Page errors and CSP violations fail the test.
 */
const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 180_000;
const H = 3_600_000;

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];
let pointId = '';
let rosterDay = '';

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await server.graphql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

async function signIn(p: Page, username: string) {
  await p.goto(`${server.url}/#/login`);
  await p.locator('input[name="username"]').fill(username);
  await p.locator('input[name="password"]').fill(TEST_PASSWORD);
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
}

describe('exports and import in the browser', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true });
    const orgs = (await data(`{ organizations(limit: 100) { nodes { id name } } }`)).organizations.nodes;
    const org = orgs.find((o: any) => o.name === '郑州市总工会').id;
    const c = await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
      i: { name: '三夏护航（测试）', kind: 'HARVEST_SUPPORT', startsAt: new Date(Date.now() - 24 * H).toISOString(), endsAt: new Date(Date.now() + 10 * 24 * H).toISOString(), organizationIds: [org] },
    });
    pointId = (await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
      i: { campaignId: c.createCampaign.id, name: '惠济区三夏服务点', location: { lng: 113.62, lat: 34.87 }, amenities: ['DRINKING_WATER', 'HEATSTROKE_RELIEF'] },
    })).addServicePoint.id;
    const start = new Date(Date.now() + 2 * 24 * H);
    start.setUTCHours(0, 0, 0, 0); // 08:00 in Shanghai
    rosterDay = new Date(start.getTime() + 8 * H).toISOString().slice(0, 10);
    const team = (await data(`mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: `队 ${randomUUID().slice(0, 4)}`, kind: 'COMMUNITY', organizationId: org } })).createVolunteerTeam.id;
    for (const [h, len] of [[0, 4], [4, 4], [12, 12]]) {
      const shift = (await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
        i: { campaignId: c.createCampaign.id, stationId: pointId, startsAt: new Date(start.getTime() + h * H).toISOString(), endsAt: new Date(start.getTime() + (h + len) * H).toISOString(), maxVolunteers: 4, minVolunteers: 2 },
      })).createShift.id;
      for (const name of ['王建国', '李秀英', '张伟'].slice(0, h === 12 ? 1 : 3)) {
        const v = (await data(`mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name, teamIds: [team], phone: '13912345678' } })).createVolunteer.id;
        await data(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: shift, v });
      }
    }
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await reportCspViolations(context, cspViolations);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, 'admin');
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the station list's export menu downloads the filtered list: every row, Chinese headers, BOM", async () => {
    const filter = { q: '金水' };
    await page.goto(`${server.url}/#/stations?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    await page.getByTestId('export-stations').click();
    await page.getByTestId('export-stations-csv').waitFor();
    await page.waitForTimeout(500); // the menu's fade-in
    await page.screenshot({ path: `${OUTPUT}exports-stations-menu.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-stations-csv').click()]);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes, { bom: true }) as string[][];
    const total = (await data(`{ stations(filter: { search: "金水" }, limit: 1) { totalCount } }`)).stations.totalCount;
    expect(total).toBeGreaterThan(0);
    expect(rows.length - 1).toBe(total);
    expect(rows[0][0]).toBe('名称');
    expect(rows.slice(1).every((r) => `${r[0]}${r[3]}`.includes('金水'))).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('the reports page and the printable roster', async () => {
    await page.goto(`${server.url}/#/reports`);
    await page.getByTestId('report-served-xlsx').waitFor();
    await page.locator('input[name="stationId"]').fill('惠济区三夏');
    await page.getByRole('option', { name: /惠济区三夏服务点/ }).click();
    await page.locator('input[type="date"]').nth(2).fill(rosterDay);
    await page.screenshot({ path: `${OUTPUT}exports-reports-page.png` });
    const href = await page.getByTestId('report-roster').getAttribute('href');
    expect(href).toBe(`/exports/roster.html?stationId=${pointId}&day=${rosterDay}`);
    const served = await page.getByTestId('report-served-csv').getAttribute('href');
    expect(served).toContain(`stationId=${pointId}`);
    // The button opens the roster in a new tab once it answers.
    const [roster] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('report-roster').click()]);
    roster.on('pageerror', (e) => pageErrors.push(e.message));
    await roster.waitForURL((url) => url.pathname === '/exports/roster.html' && url.search === `?stationId=${pointId}&day=${rosterDay}`);
    await roster.locator('h1').waitFor();
    await expect(roster.locator('h1')).toBeTruthy();
    expect(await roster.locator('h1').textContent()).toContain('惠济区三夏服务点');
    expect(await roster.locator('section').count()).toBe(3);
    expect(await roster.locator('tbody tr').count()).toBe(7);
    await roster.screenshot({ path: `${OUTPUT}exports-roster.png`, fullPage: true });
    await roster.emulateMedia({ media: 'print' });
    await roster.pdf?.({ path: `${OUTPUT}exports-roster.pdf`, format: 'A4' }).catch(() => undefined);
    await roster.close();
  });

  it('a roster the API refuses stays in the admin as a notification in Chinese, not a tab of error JSON', async () => {
    const gone = (await data(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, { i: { kind: 'SERVICE_POINT', name: '将被删除的服务点', location: { lng: 113.6, lat: 34.8 } } })).createStation.id;
    await page.goto(`${server.url}/#/reports`);
    await page.getByTestId('report-served-xlsx').waitFor();
    await page.locator('input[name="stationId"]').fill('将被删除');
    await page.getByRole('option', { name: /将被删除的服务点/ }).click();
    await data(`mutation($id: ID!) { deleteStation(id: $id) { id } }`, { id: gone });
    const before = page.context().pages().length;
    await page.getByTestId('report-roster').click();
    const notice = page.locator('.MuiSnackbarContent-message, [role="alert"]').filter({ hasText: /不存在|找不到|未找到/ });
    await notice.first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUTPUT}exports-roster-refused.png` });
    expect(page.context().pages().length).toBe(before);
    for (const p of page.context().pages()) expect(await p.content()).not.toContain('"errors"');
  });

  it('import from the page: preview with each rejected row and its reason, then commit with progress', async () => {
    const csv = [
      'id,name,address,lng,lat,facilities,open_hours',
      ...Array.from({ length: 60 }, (_, i) => `b${i},浏览器导入驿站${i},郑州市二七区,${(113.6 + i * 0.001).toFixed(4)},34.72,饮用水;卫生间,周一至周五 9:00-17:00`),
      'bad1,经度错误驿站,郑州,abc,34.72,饮用水,08:00-20:00',
      'bad2,,无名,113.6,34.7,饮用水,08:00-20:00',
    ].join('\n');
    await page.goto(`${server.url}/#/import`);
    await page.getByTestId('import-file').setInputFiles({ name: 'browser-import.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-crs').click();
    await page.getByRole('option', { name: /WGS-84/ }).click();
    await page.getByTestId('import-preview-button').click();
    await page.getByTestId('import-preview').waitFor();
    const rejected = page.getByTestId('import-rejected').locator('tbody tr');
    expect(await rejected.count()).toBe(2);
    expect(await rejected.nth(0).textContent()).toContain('62');
    expect(await rejected.nth(0).textContent()).toContain('lng');
    // The rows' reasons in the page's language (extensions.reason + args), not the API's English text.
    expect(await rejected.nth(0).textContent()).toContain('lng：不是数字：abc');
    expect(await rejected.nth(1).textContent()).toContain('name：必填');
    expect(await page.getByTestId('import-rejected').textContent()).not.toMatch(/not a number|missing/);
    expect(await page.getByTestId('import-preview').textContent()).toContain('将新建 60');
    await page.screenshot({ path: `${OUTPUT}exports-import-preview.png`, fullPage: true });
    expect((await server.app.orm.em.fork().execute(`select count(*)::int as n from station where source_key like 'browser-import.csv:%'`))[0].n).toBe(0);
    await page.getByTestId('import-commit-button').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-progress').textContent()).toContain('已处理 62 / 62 行');
    await page.screenshot({ path: `${OUTPUT}exports-import-done.png`, fullPage: true });
    expect((await server.app.orm.em.fork().execute(`select count(*)::int as n from station where source_key like 'browser-import.csv:%'`))[0].n).toBe(60);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('a refused import or export is said in Chinese: an empty file, an export over the budget', async () => {
    await page.goto(`${server.url}/#/import`);
    await page.getByTestId('import-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('  \n') });
    await page.getByTestId('import-preview-button').click();
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('文件为空');
    // Spend the account's per-minute budget (the one exports draw on) once the list is shown: the export answers
    // 429 RATE_LIMITED.
    await page.goto(`${server.url}/#/stations`);
    await page.getByTestId('export-stations').click();
    await page.getByTestId('export-stations-csv').waitFor();
    await page.waitForTimeout(500);
    const me = (await server.app.orm.em.fork().execute(`select id from user_account where username = 'admin'`))[0].id;
    const probe = await fetch(`${server.url}/exports/roster.html?stationId=${pointId}&day=${rosterDay}`, { headers: { authorization: `Bearer ${await server.login('admin')}` } });
    const limit = Number(probe.headers.get('x-ratelimit-limit'));
    expect(limit).toBeGreaterThan(0);
    await server.app.limits.charge('user', me, limit, limit).catch(() => undefined);
    await page.getByTestId('export-stations-csv').click();
    const alert = page.getByText(/请求过于频繁，请 \d+ 秒后再试/);
    await alert.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(400); // the notification's slide-in
    await page.screenshot({ path: `${OUTPUT}exports-refused.png` });
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
