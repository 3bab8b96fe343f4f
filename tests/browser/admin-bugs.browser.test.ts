import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * The bugs found trying the admin by hand (issue 15), each fixed and checked here in headless Chromium against a
 * seeded server, with a screenshot: planning with the pre-filled defaults, planning not doubling the seeded
 * schedule, server errors in Chinese with times in the campaign's zone, Chinese opening hours converted, an
 * operator's organization dropdown, the reasons instead of silent redirects, the calendar's list view, and the
 * raw codes (history operations, iCal statuses, the 404 page's punctuation).
 */
const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 180_000;

let server: TestServer;
let browser: Browser;
const pageErrors: string[] = [];
let campaign: { id: string; name: string };
let xiuwuOrg = '';

async function gql(query: string, variables?: Record<string, unknown>) {
  const r = await server.graphql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as any;
}

async function openAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  await p.goto(`${server.url}/`);
  await p.waitForURL(/#\/login/, { timeout: 30_000 });
  await p.locator('input[name="username"]').fill(username);
  await p.locator('input[name="password"]').fill(TEST_PASSWORD);
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
  return p;
}

describe('admin bugs of issue 15, in the browser', { timeout: TIMEOUT }, () => {
  let admin: Page;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    server = await startTestServer({ seed: true, env: { RATE_LIMIT_USER_PER_MINUTE: '10000000' } });
    browser = await launchChromium();
    const orgs = (await gql(`{ organizations(limit: 200) { nodes { id name } } }`)).organizations.nodes;
    xiuwuOrg = orgs.find((o: any) => o.name === '修武县总工会').id;
    campaign = (await gql(`{ campaigns(limit: 20) { nodes { id name kind } } }`)).campaigns.nodes.find((c: any) => c.kind === 'HARVEST_SUPPORT' && c.name.includes('修武县'));
    admin = await openAs('admin');
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('批量排班 → 预览 with the pre-filled defaults succeeds and finds the seeded 84 shifts existing (nothing doubled)', async () => {
    await admin.goto(`${server.url}/#/campaigns/${campaign.id}/show`);
    await admin.getByTestId('campaign-tab-plan').click();
    const toDate = admin.locator('input[name="toDate"]');
    await toDate.waitFor({ timeout: 30_000 });
    // The campaign runs 2027-06-02 00:00 to 2027-06-16 12:00 (Asia/Shanghai): the last day a 08:00–20:00 shift fits is the 15th.
    expect(await admin.locator('input[name="fromDate"]').inputValue()).toBe('2027-06-02');
    expect(await toDate.inputValue()).toBe('2027-06-15');
    expect(await admin.locator('input[name="slots.0.role"]').inputValue()).toBe('志愿者');
    await admin.getByTestId('plan-preview').click();
    const preview = admin.getByTestId('plan-preview-result');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.getAttribute('data-existing')).toBe('84');
    expect(await preview.getAttribute('data-new')).toBe('0');
    await admin.screenshot({ path: `${OUTPUT}bugs-plan-defaults.png`, fullPage: true });
  });

  it('a server refusal reads in Chinese with the times in Asia/Shanghai, not an English UTC ISO string', async () => {
    await admin.locator('input[name="toDate"]').fill('2027-06-16');
    await admin.getByTestId('plan-preview').click();
    const note = admin.locator('.MuiSnackbarContent-message, .MuiAlert-message').filter({ hasText: '排班失败' }).first();
    await note.waitFor({ timeout: 30_000 });
    const text = await note.innerText();
    expect(text).toContain('超出活动时间');
    expect(text).toContain('2027-06-16 08:00');
    expect(text).toContain('2027-06-16 12:00');
    expect(text).not.toMatch(/outside|T\d\d:\d\d|Z\b/);
    await admin.screenshot({ path: `${OUTPUT}bugs-error-chinese.png` });
  });

  it('the calendar list view names the service point and lists each night shift once', async () => {
    await admin.goto(`${server.url}/#/campaigns/${campaign.id}/show`);
    await admin.getByTestId('campaign-tab-calendar').click();
    await admin.getByTestId('campaign-calendar').waitFor({ timeout: 30_000 });
    await admin.getByRole('button', { name: '列表', exact: true }).click();
    await admin.getByTestId('agenda-shift').first().waitFor({ timeout: 15_000 });
    const rows = await admin.getByTestId('agenda-shift').evaluateAll((els) =>
      els.map((e) => ({ id: e.getAttribute('data-shift-id'), night: e.getAttribute('data-night'), point: e.querySelector('[data-testid="agenda-shift-point"]')?.textContent ?? '' })),
    );
    // The days shown, three points with a day and a night shift each: no shift twice, as many nights as days.
    expect(rows.length).toBeGreaterThanOrEqual(42);
    expect(rows.length % 6).toBe(0);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.night === 'true').length).toBe(rows.length / 2);
    for (const r of rows) expect(r.point).toMatch(/\S/);
    expect(await admin.locator('.rbc-agenda-view').innerText()).toContain('(次日)');
    await admin.screenshot({ path: `${OUTPUT}bugs-calendar-list.png`, fullPage: true });
  });

  it('the opening-hours field translates the parser and offers the importer\'s conversion of 周一至周五 9:00-17:00', async () => {
    await admin.goto(`${server.url}/#/stations/create`);
    const hours = admin.locator('input[name="openingHours"]');
    await hours.waitFor({ timeout: 30_000 });
    await hours.fill('周一至周五 9:00-17:00');
    const convert = admin.getByTestId('opening-hours-convert');
    await convert.waitFor({ timeout: 15_000 });
    expect(await convert.innerText()).toBe('转换为 Mo-Fr 09:00-17:00; PH off？');
    const help = await admin.getByText(/营业时间格式有误/).first().innerText();
    expect(help).toContain('营业时间格式有误');
    expect(help).not.toMatch(/not valid|syntax/);
    await admin.screenshot({ path: `${OUTPUT}bugs-opening-hours-offer.png` });
    await convert.click();
    expect(await hours.inputValue()).toBe('Mo-Fr 09:00-17:00; PH off');
    await admin.getByText(/营业中|已打烊/).first().waitFor({ timeout: 15_000 });
    expect(await convert.count()).toBe(0);
  });

  it('an operator: the 运营工会 dropdown offers only their organizations, and another\'s station edit URL says why', async () => {
    await server.createUser({ username: 'op.xiuwu', role: 'OPERATOR', organizationIds: [xiuwuOrg] });
    const op = await openAs('op.xiuwu');
    await op.goto(`${server.url}/#/stations/create`);
    const operatorInput = op.locator('input[name="operatorOrganizationId"]');
    await operatorInput.waitFor({ timeout: 30_000 });
    // The form pre-fills the operator's own union; clear it and search all unions.
    await operatorInput.click();
    await operatorInput.press('Control+A');
    await operatorInput.press('Backspace');
    await operatorInput.pressSequentially('工会', { delay: 50 });
    const options = op.getByRole('option');
    await options.first().waitFor({ timeout: 15_000 });
    const offered = await options.allInnerTexts();
    expect(offered).toContain('修武县总工会');
    expect(offered).not.toContain('郑州市总工会');
    const assignable = (await server.graphql(`{ organizations(filter: {assignable: true}, limit: 1000) { totalCount } }`, undefined, { token: await server.login('op.xiuwu') })).data.organizations.totalCount;
    expect(offered.length).toBeLessThanOrEqual(assignable);
    await op.screenshot({ path: `${OUTPUT}bugs-operator-dropdown.png` });

    const other = (await gql(`{ stations(filter: {search: "郑州"}, limit: 1) { nodes { id name } } }`)).stations.nodes[0];
    await op.goto(`${server.url}/#/stations/${other.id}`);
    const denied = op.getByTestId('station-edit-denied');
    await denied.waitFor({ timeout: 30_000 });
    expect(await denied.getAttribute('data-reason')).toBe('not_yours');
    expect(await denied.innerText()).toContain('您不能编辑这个驿站');
    expect(op.url()).toContain(`#/stations/${other.id}`);
    await op.screenshot({ path: `${OUTPUT}bugs-operator-denied.png` });
    await denied.getByRole('link', { name: '查看驿站' }).click();
    await op.waitForURL(new RegExp(`#/stations/${other.id}/show`), { timeout: 15_000 });
    await op.context().close();
  });

  it('a coordinator opening a station URL sees why, not the list', async () => {
    await server.createUser({ username: 'co.xiuwu', role: 'COORDINATOR', organizationIds: [xiuwuOrg] });
    const co = await openAs('co.xiuwu');
    const station = (await gql(`{ stations(limit: 1) { nodes { id } } }`)).stations.nodes[0];
    await co.goto(`${server.url}/#/stations/${station.id}`);
    const denied = co.getByTestId('station-edit-denied');
    await denied.waitFor({ timeout: 30_000 });
    expect(await denied.getAttribute('data-reason')).toBe('role');
    expect(await denied.innerText()).toContain('不能编辑驿站');
    await co.screenshot({ path: `${OUTPUT}bugs-coordinator-denied.png` });
    await co.context().close();
  });

  it('history shows translated operation names, iCal shows translated statuses, the 404 page one full stop', async () => {
    const st = (await gql(`{ stations(filter: {search: "孟州市司机之家"}, limit: 1) { nodes { id version } } }`)).stations.nodes[0];
    await gql(`mutation ($id: ID!, $v: Int!) { updateStation(id: $id, version: $v, input: { phone: "0391-8000000" }) { version } }`, { id: st.id, v: st.version });
    await admin.goto(`${server.url}/#/stations/${st.id}/show`);
    const op = admin.getByTestId('history-operation').first();
    await op.waitFor({ timeout: 30_000 });
    expect(await op.innerText()).toBe('修改驿站');
    expect(await admin.getByTestId('history').innerText()).not.toContain('updateStation');
    await admin.getByTestId('history').screenshot({ path: `${OUTPUT}bugs-history-operations.png` });

    const shift = (await gql(`query ($c: ID!) { shifts(filter: { campaignId: $c }, limit: 1) { nodes { id } } }`, { c: campaign.id })).shifts.nodes[0];
    const team = (await gql(`mutation ($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: '测试日历队', kind: 'COMMUNITY', organizationId: xiuwuOrg } })).createVolunteerTeam.id;
    const v = (await gql(`mutation ($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name: '日历志愿者', teamIds: [team] } })).createVolunteer.id;
    await gql(`mutation ($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: shift.id, v });
    const feed = (await gql(`mutation ($v: ID!) { rotateVolunteerCalendar(volunteerId: $v) { path } }`, { v })).rotateVolunteerCalendar.path;
    const ics = (await (await fetch(`${server.url}${feed}`)).text()).replace(/\r\n[ \t]/g, '');
    const descriptions = ics.split(/\r\n/).filter((l) => l.startsWith('DESCRIPTION:'));
    expect(descriptions.length).toBe(1);
    expect(descriptions[0]).toContain('状态 已报名');
    expect(descriptions[0].slice('DESCRIPTION:'.length)).not.toMatch(/[A-Z]{4,}/);

    await admin.goto(`${server.url}/#/no-such-page`);
    const nf = admin.getByTestId('not-found');
    await nf.waitFor({ timeout: 30_000 });
    const text = await nf.innerText();
    expect(text).toContain('网址有误，或链接已失效。');
    expect(text).not.toContain('。.');
    await admin.screenshot({ path: `${OUTPUT}bugs-not-found.png` });
  });

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
