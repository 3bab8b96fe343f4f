import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, reportCspViolations } from '../helpers/browser';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * The volunteer page (admin/signup.html) on a phone-sized viewport (390×844, zh-CN) against a seeded server:
 * open a sign-up link, register with consent, sign up for a shift, cancel it, see the iCalendar link, check in by
 * scanning a service point's QR code, and a revoked link. Then the coordinator's side on a desktop: the campaign's
 * 报名链接 tab with the link's QR code. No request may leave the test server, no page error, no CSP violation.
 * Screenshots go to tests/output/signup-*.png.
 */
const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const TIMEOUT = 120_000;
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
const problems: string[] = [];
const csp: string[] = [];
let campaignId = '';
let stationId = '';
let linkId = '';
let linkPath = '';

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await server.graphql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

async function watch(context: BrowserContext): Promise<Page> {
  await reportCspViolations(context, csp);
  const p = await context.newPage();
  const origin = new URL(server.url).origin;
  p.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push(`outside request ${r.url()}`);
  });
  p.on('pageerror', (e) => problems.push(`page error ${e.message}`));
  p.on('console', (m) => {
    // Refusals the tests provoke (400: the refused phone number; 401/404/409/410) are logged by Chromium.
    if (m.type() === 'error' && !/status of (400|401|404|409|410)/.test(m.text())) problems.push(`console ${m.text()}`);
  });
  p.on('dialog', (d) => void d.accept());
  return p;
}

describe('volunteer sign-up page on a phone', { timeout: TIMEOUT }, () => {
  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    // A registration costs 10 of the IP's sign-up points: room for the refused one this file sends too.
    server = await startTestServer({ seed: true, env: { RATE_LIMIT_SIGNUP_PER_MINUTE: '400' } });
    const orgs = await data(`{ organizations(limit: 100) { nodes { id name } } }`);
    const org = orgs.organizations.nodes.find((o: any) => o.name === '修武县总工会').id;
    const team = (await data(`mutation($o: ID) { createVolunteerTeam(input: {name: "修武县劳模志愿服务队", kind: MODEL_WORKER, organizationId: $o}) { id } }`, { o: org })).createVolunteerTeam.id;
    campaignId = (
      await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
        i: { name: '夏送清凉 · 高速出口服务', kind: 'SUMMER_COOLING', startsAt: iso(Date.now() - 24 * H), endsAt: iso(Date.now() + 14 * 24 * H), organizationIds: [org], teamIds: [team], description: '为过往货车司机送上绿豆汤和防暑药品。' },
      })
    ).createCampaign.id;
    stationId = (
      await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
        i: { campaignId, name: '南出口服务点', address: '修武县南高速出口', location: { lng: 113.45, lat: 35.22 }, amenities: ['DRINKING_WATER'] },
      })
    ).addServicePoint.id;
    const other = (
      await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
        i: { campaignId, name: '惠丰宾馆服务点', location: { lng: 113.44, lat: 35.23 }, amenities: ['DRINKING_WATER'] },
      })
    ).addServicePoint.id;
    const shift = (st: string, start: number, hours: number, max: number, role = '引导') =>
      data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, { i: { campaignId, stationId: st, startsAt: iso(start), endsAt: iso(start + hours * H), maxVolunteers: max, role } });
    const day = Date.now() + 24 * H;
    await shift(stationId, Date.now() + 10 * 60_000, 3, 3, 'VOLUNTEER');
    await shift(stationId, day, 4, 4);
    await shift(stationId, day + 12 * H, 8, 2, '夜班');
    await shift(other, day + 2 * H, 4, 1);
    const link = (await data(`mutation($c: ID!, $t: ID) { createSignupLink(campaignId: $c, teamId: $t) { id path } }`, { c: campaignId, t: team })).createSignupLink;
    linkId = link.id;
    linkPath = link.path;
    browser = await launchChromium();
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    page = await watch(phone);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the link and registers with name, phone, skills and consent', async () => {
    await page.goto(`${server.url}${linkPath}`);
    await page.getByTestId('register').waitFor();
    expect(await page.getByTestId('campaign').innerText()).toContain('夏送清凉 · 高速出口服务');
    expect(await page.getByTestId('campaign').innerText()).toContain('修武县劳模志愿服务队');
    // Without consent the form cannot be sent.
    expect(await page.getByTestId('register-submit').isDisabled()).toBe(true);
    await page.locator('input[name="name"]').fill('王小明');
    await page.locator('input[name="phone"]').fill('13812345678');
    await page.getByText('急救', { exact: true }).click();
    await page.getByText('道路指引', { exact: true }).click();
    await page.locator('input[name="consent"]').check();
    // A phone number the API refuses: its reason (PHONE_FORMAT) in the page's language, not the English message.
    await page.locator('input[name="phone"]').fill('138-abc');
    await page.getByTestId('register-submit').click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('电话号码只能包含数字、空格或短横线（5–20位），可以+开头');
    expect(await page.locator('input[name="phone"]').getAttribute('aria-invalid')).toBe('true');
    await page.locator('input[name="phone"]').fill('13812345678');
    await page.screenshot({ path: `${OUTPUT}signup-register.png`, fullPage: true });
    await page.getByTestId('register-submit').click();
    await page.getByTestId('hello').waitFor();
    expect(await page.getByTestId('hello').innerText()).toBe('你好，王小明');
    const points = page.getByTestId('service-point');
    expect(await points.count()).toBe(2);
    expect(await page.getByTestId('open-shift').count()).toBe(4);
    await page.screenshot({ path: `${OUTPUT}signup-shifts.png`, fullPage: true });
    const [row] = await server.app.orm.em.fork().execute(`select v.skills, a.consent_version from volunteer v join volunteer_access a on a.volunteer_id = v.id where v.name = '王小明'`);
    expect(row.consent_version).toBeTruthy();
  });

  it('signs up for a shift, shows it under 我的班次 with the iCalendar link, and cancels it', async () => {
    const first = page.getByTestId('open-shift').nth(1);
    await first.getByTestId('sign-up').click();
    await page.getByText('报名成功').waitFor();
    await expect.poll(() => page.getByTestId('my-shift').count()).toBe(1);
    expect(await page.getByTestId('my-shift').innerText()).toContain('已报名');
    const ics = await page.getByTestId('calendar-link').getAttribute('href');
    expect(ics).toMatch(/^\/ical\/volunteer\/[A-Za-z0-9_-]{32}\.ics$/);
    const feed = await fetch(`${server.url}${ics}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('南出口服务点');
    expect(await page.getByTestId('my-link-url').innerText()).toMatch(/\/me\/[A-Za-z0-9_-]{32}$/);
    await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot of a scrolled page draws the sticky bar mid-page
    await page.screenshot({ path: `${OUTPUT}signup-signed-up.png`, fullPage: true });
    await page.getByTestId('my-shift').getByTestId('cancel').click();
    await page.getByText('已取消', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByTestId('my-shift').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUTPUT}signup-cancelled.png`, fullPage: true });
  });

  it('checks in by scanning the service point’s QR code (the browser remembers the volunteer)', async () => {
    await page.getByTestId('open-shift').first().getByTestId('sign-up').click();
    await expect.poll(() => page.getByTestId('my-shift').count()).toBe(1);
    const code = (await data(`mutation($s: ID!) { issueCheckInCode(stationId: $s) { path } }`, { s: stationId })).issueCheckInCode.path;
    await page.goto(`${server.url}${code}`);
    await page.getByText(/签到成功：南出口服务点/).waitFor();
    await page.screenshot({ path: `${OUTPUT}signup-checked-in.png` });
    const [a] = await server.app.orm.em.fork().execute(`select a.status from shift_assignment a join volunteer v on v.id = a.volunteer_id where v.name = '王小明' and a.status <> 'CANCELLED'`);
    expect(a.status).toBe('CHECKED_IN');
    // Another phone, which has no volunteer link, is told to open theirs first.
    const stranger = await watch(await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' }));
    await stranger.goto(`${server.url}${code}`);
    await stranger.getByText(/请先用报名后收到的/).waitFor();
  });

  it('a revoked link says so at once', async () => {
    await data(`mutation($id: ID!) { revokeSignupLink(id: $id) { id } }`, { id: linkId });
    await page.goto(`${server.url}${linkPath}`);
    await page.getByText('这个报名链接已被协调员撤销').waitFor();
    // The volunteer's own shifts stay reachable from here.
    expect(await page.getByTestId('to-my-page').getAttribute('href')).toMatch(/^\/me\/[A-Za-z0-9_-]{32}$/);
    await page.screenshot({ path: `${OUTPUT}signup-revoked.png` });
  });

  it('the coordinator’s campaign page shows a new link as a QR code', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const p = await watch(desk);
    await p.goto(`${server.url}/#/campaigns/${campaignId}/show`);
    await p.waitForURL(/#\/login/, { timeout: 30_000 });
    await p.locator('input[name="username"]').fill('admin');
    await p.locator('input[name="password"]').fill(TEST_PASSWORD);
    await p.getByRole('button', { name: '登录', exact: true }).click();
    await p.getByTestId('campaign-tab-signup').click({ timeout: 30_000 });
    await p.getByTestId('signup-link').first().waitFor();
    expect(await p.getByTestId('signup-link').first().innerText()).toContain('已失效');
    await p.getByTestId('create-signup-link').click();
    await p.getByTestId('signup-qr').first().waitFor();
    const url = await p.getByTestId('signup-qr').first().getAttribute('data-url');
    expect(url).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]{32}$`));
    expect(await p.getByTestId('signup-qr').first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await p.screenshot({ path: `${OUTPUT}signup-admin-links.png` });
    await p.getByTestId('campaign-tab-points').click();
    await p.getByTestId('check-in-code').first().click();
    await p.getByTestId('check-in-qr').waitFor();
    await p.screenshot({ path: `${OUTPUT}signup-admin-checkin-qr.png` });
  });

  it('made no outside request, had no page error and no CSP violation', () => {
    expect(problems).toEqual([]);
    expect(csp).toEqual([]);
  });
});
