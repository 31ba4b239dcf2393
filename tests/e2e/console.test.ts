import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { createUser } from '@beacon/server/auth/users.ts';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { emergencyFeed } from '../support/command-fixtures.ts';
import { signedInAs, trackCspViolations, wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { tooSmall } from '../support/touch-size.ts';

let database: TestDatabase;
let server: TestServer;
let browser: Browser;
/** The server's clock runs this far ahead of the machine's: set to 31 minutes to pass a post's deadline. */
let skew = 0;

// The console and the wall live through the whole story, one step per test, in order.
let consolePage: Page;
let wallPage: Page;
let consoleCsp: () => Promise<string[]>;
let wallCsp: () => Promise<string[]>;

const INCIDENT = 'INC-E2E-01';
const OTHER = 'INC-E2E-02';
const PASSWORD = 'typhoon-duty-2026!';

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir, now: () => Date.now() + skew, hub: { heartbeatMs: 300 } });
  const feed = await emergencyFeed(server);
  // 灌口 (Guankou, 集美区): a landslide with people trapped; a waterlogging call in 杏林 with a team already on it.
  await feed.incident(INCIDENT, { title: '灌口镇山体滑坡', kind: 'landslide', severity: 'II', lon: 117.99, lat: 24.6, district: '集美区', trapped: 3, reportedBy: '灾害信息员' });
  await feed.incident(OTHER, { title: '杏林积水', kind: 'waterlogging', severity: 'IV', lon: 118.05, lat: 24.565, district: '集美区' });
  await feed.team('JM-CJ-01', { name: '灌口应急突击队', tier: 'village', members: 12, lon: 117.995, lat: 24.602, district: '集美区' });
  await feed.team('JM-ZY-02', { name: '杏林专业救援队', tier: 'professional', members: 20, status: 'on-site', incidentId: OTHER, lon: 118.05, lat: 24.566, district: '集美区' });
  await feed.team('SM-ZH-01', { name: '思明综合救援大队', members: 40, lon: 118.1, lat: 24.47, district: '思明区' });
  await createUser(server.db.sql, { username: 'wang.zh', displayName: '王指挥', role: 'commander', password: PASSWORD });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

const consoleEl = () => consolePage.getByTestId('console');

/** Confirms the open command dialog, after checking its reason was filled in for the user. */
async function confirmCommand(page: Page, reasonContains: string) {
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.waitFor();
  expect(await page.getByTestId('confirm-reason').inputValue()).toContain(reasonContains);
  await page.getByTestId('confirm-ok').click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
}

/** The console's and the wall's clock of a post read together, until both show the same second (a read may straddle a tick). */
async function clocksTogether(postId: string): Promise<[string, string]> {
  const sel = `[data-testid="forward-post"][data-post-id="${postId}"] [data-testid="post-clock"]`;
  let last: [string, string] = ['', ''];
  for (let i = 0; i < 6; i++) {
    last = await Promise.all([consolePage.locator(sel).textContent(), wallPage.locator(sel).textContent()]) as [string, string];
    if (last[0] === last[1]) return last;
    await consolePage.waitForTimeout(150);
  }
  return last;
}

describe('/console for the commander', () => {
  it('signs in through the form at 1180×820 as a real user', async () => {
    consolePage = await browser.newPage({ viewport: { width: 1180, height: 820 } });
    consoleCsp = await trackCspViolations(consolePage);
    await consolePage.goto(`${server.baseUrl}/console`);
    await consolePage.getByTestId('sign-in-username').fill('wang.zh');
    await consolePage.getByTestId('sign-in-password').fill('wrong password');
    await consolePage.getByTestId('sign-in-submit').click();
    await consolePage.getByTestId('sign-in-error').waitFor();
    await consolePage.getByTestId('sign-in-password').fill(PASSWORD);
    await consolePage.getByTestId('sign-in-submit').click();
    await consoleEl().waitFor();
    await expect.poll(() => consoleEl().getAttribute('data-connection'), { timeout: 10_000 }).toBe('connected');
    expect(await consolePage.getByTestId('signed-in-as').textContent()).toBe('王指挥 · 指挥长');
    expect(await consolePage.getByTestId('response-level').textContent()).toContain('未启动应急响应');
    // Chinese by default.
    expect(await consolePage.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('drills city → district → subdistrict → incident and back by breadcrumbs and the browser\'s back button', async () => {
    const district = consolePage.locator('[data-testid="drill-district"][data-view="district:集美区"]');
    expect(await district.textContent()).toContain('事件 2');
    await district.click();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe('district:集美区');
    expect(decodeURIComponent(new URL(consolePage.url()).search)).toBe('?view=district:集美区');
    // The district lists its own teams, not 思明's.
    expect(await consolePage.getByTestId('area-team').evaluateAll((els) => els.map((e) => e.getAttribute('data-team-id')).sort())).toEqual(['JM-CJ-01', 'JM-ZY-02']);

    await consolePage.locator('[data-testid="drill-subdistrict"][data-view="subdistrict:集美区/灌口"]').click();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe('subdistrict:集美区/灌口');
    expect(await consolePage.getByTestId('incident-row').count()).toBe(1);

    await consolePage.locator(`[data-testid="incident-row"][data-incident-id="${INCIDENT}"]`).click();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe(`incident:${INCIDENT}`);
    const trail = async () => (await consolePage.getByTestId('breadcrumbs').locator('li').allTextContents()).map((s) => s.trim());
    expect(await trail()).toEqual(['全市', '集美区', '灌口', '灌口镇山体滑坡']);

    await consolePage.goBack();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe('subdistrict:集美区/灌口');
    await consolePage.goForward();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe(`incident:${INCIDENT}`);

    await consolePage.locator('[data-testid="crumb"][data-view="district:集美区"]').click();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe('district:集美区');
    await consolePage.getByTestId('drill-back').click();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe('city');
    expect(new URL(consolePage.url()).search).toBe('');
  });

  it('dispatches the nearest team; a team committed elsewhere is disabled with where it is', async () => {
    await consolePage.locator(`[data-testid="incident-row"][data-incident-id="${INCIDENT}"]`).click();
    await consolePage.getByTestId('incident-level').waitFor();
    const candidates = consolePage.getByTestId('candidate-team');
    await expect.poll(() => candidates.first().getAttribute('data-team-id')).toBe('JM-CJ-01');
    expect(await candidates.evaluateAll((els) => els.map((e) => e.getAttribute('data-team-id')))).toEqual(['JM-CJ-01', 'JM-ZY-02', 'SM-ZH-01']);
    const busy = consolePage.getByTestId('dispatch-JM-ZY-02');
    expect(await busy.isDisabled()).toBe(true);
    expect(await busy.getAttribute('data-reason')).toMatch(/^已派往「杏林积水」（\d\d:\d\d:\d\d 起），需先撤回$/);

    await consolePage.getByTestId('dispatch-JM-CJ-01').click();
    expect(await consolePage.getByTestId('confirm-summary').textContent()).toBe('派 灌口应急突击队 前往「灌口镇山体滑坡」');
    await confirmCommand(consolePage, '派灌口应急突击队赴灌口镇山体滑坡处置');
    await consolePage.locator('[data-testid="assigned-team"][data-team-id="JM-CJ-01"]').waitFor();

    await consolePage.getByTestId('acknowledge').click();
    await confirmCommand(consolePage, '已接报');
    await expect.poll(() => consolePage.getByTestId('acknowledged').textContent()).toMatch(/^王指挥 于 \d\d:\d\d:\d\d 确认接报$/);
  });

  it('orders the forward post and marks milestones while the 3840×2160 wall shows the same clock', async () => {
    wallPage = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    wallCsp = await trackCspViolations(wallPage);
    await wallPage.goto(wallUrl(server));
    await wallPage.getByTestId('wall').waitFor();
    await expect.poll(() => wallPage.getByTestId('wall').getAttribute('data-connection'), { timeout: 10_000 }).toBe('connected');

    await consolePage.getByTestId('order-post').click();
    const summary = await consolePage.getByTestId('confirm-summary').textContent();
    const postId = /(FP-INC-E2E-01-\d{4})/.exec(summary ?? '')?.[1];
    expect(postId, summary ?? '').toBeTruthy();
    await confirmCommand(consolePage, '按预案 30 分钟内搭建前方指挥部');

    const consolePost = consolePage.locator(`[data-testid="forward-post"][data-post-id="${postId}"]`);
    await consolePost.waitFor();
    expect(await consolePost.getAttribute('data-phase')).toBe('running');
    expect(await consolePost.getByTestId('post-clock').textContent()).toMatch(/^(30:00|29:[45]\d)$/);
    expect(await consolePost.getByTestId('post-phase').textContent()).toBe('搭建中');
    await wallPage.locator(`[data-testid="forward-post"][data-post-id="${postId}"]`).waitFor({ timeout: 10_000 });
    const [c, w] = await clocksTogether(postId!);
    expect(w).toBe(c);

    for (const m of ['team-dispatched', 'on-site'] as const) {
      await consolePage.getByTestId(`mark-${m}`).click();
      await confirmCommand(consolePage, '前方报告');
      const sel = `[data-testid="forward-post"][data-post-id="${postId}"] [data-milestone="${m}"]`;
      await expect.poll(() => consolePage.locator(sel).getAttribute('data-done')).toBe('true');
      await expect.poll(() => wallPage.locator(sel).getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
      expect(await consolePage.locator(`${sel} .m-text`).textContent()).toMatch(/^\d\d:\d\d:\d\d 王指挥$/);
      expect(await wallPage.locator(`${sel} .m-text`).textContent()).toBe(await consolePage.locator(`${sel} .m-text`).textContent());
    }

    // comms-linked asks how: confirming without a choice is refused on the screen, nothing is sent.
    await consolePage.getByTestId('mark-comms-linked').click();
    await consolePage.getByTestId('confirm-link-satellite').waitFor();
    await consolePage.getByTestId('confirm-ok').click();
    expect(await consolePage.getByTestId('confirm-error').textContent()).toBe('通信方式');
    await consolePage.getByTestId('confirm-cancel').click();
    expect(await consolePage.locator(`[data-milestone="comms-linked"]`).first().getAttribute('data-done')).toBe('false');

    // A second order for the same incident is not offered: the post exists.
    expect(await consolePage.getByTestId('order-post').count()).toBe(0);
  });

  it('puts a district on the wall and the wall follows', async () => {
    await consolePage.locator('[data-testid="crumb"][data-view="district:集美区"]').click();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe('district:集美区');
    expect(await consolePage.getByTestId('wall-focus-text').textContent()).toBe('全市（默认画面）');
    await consolePage.getByTestId('put-on-wall').click();
    await confirmCommand(consolePage, '指挥大屏切换至集美区');
    await expect.poll(() => wallPage.getByTestId('wall').getAttribute('data-focus'), { timeout: 10_000 }).toBe('district:集美区');
    await expect.poll(() => consolePage.getByTestId('wall-focus').getAttribute('data-view')).toBe('district:集美区');
    expect(await consolePage.getByTestId('wall-focus-text').textContent()).toMatch(/^集美区 · 王指挥 \d\d:\d\d:\d\d 投屏$/);
    await consolePage.getByTestId('on-wall-now').waitFor();
    // The same state through the API, as any other screen would read it.
    const res = await fetch(`${server.baseUrl}/api/v1/audit?action=wall.focus`, { headers: { authorization: `Bearer ${server.tokens.admin}` } });
    const entries = (await res.json()) as { actorName: string; reason: string; outcome: string }[];
    expect(entries[0]).toMatchObject({ actorName: '王指挥', reason: '指挥大屏切换至集美区', outcome: 'ok' });
  });

  it('puts the last hour on the wall as a replay, and brings the wall back to live', async () => {
    await consolePage.getByTestId('wall-replay').click();
    await confirmCommand(consolePage, '会商复盘：在指挥大屏回放');
    await wallPage.getByTestId('wall-replay-banner').waitFor({ timeout: 10_000 });
    await consolePage.getByTestId('wall-replaying').waitFor();
    await consolePage.getByTestId('wall-live').click();
    await confirmCommand(consolePage, '复盘结束，大屏恢复实时');
    await expect.poll(() => wallPage.getByTestId('wall-replay-banner').count(), { timeout: 10_000 }).toBe(0);
    await wallPage.getByTestId('wall').waitFor();
    expect(await consolePage.getByTestId('wall-replay').count()).toBe(1);
  });

  it('hides a map layer on the wall from the console, and shows it again', async () => {
    const wallLayers = () => wallPage.getByTestId('one-map').getAttribute('data-layers');
    await consolePage.locator('[data-testid="crumb"][data-view="city"]').click();
    await expect.poll(() => consoleEl().getAttribute('data-view')).toBe('city');
    expect(await wallLayers()).toContain('population');
    await consolePage.locator('[data-testid="wall-layer"][data-layer="population"]').click();
    await confirmCommand(consolePage, '调整大屏图层，突出重点');
    await expect.poll(wallLayers, { timeout: 10_000 }).not.toContain('population');
    await expect.poll(() => consolePage.locator('[data-testid="wall-layer"][data-layer="population"]').getAttribute('data-shown')).toBe('false');
    await consolePage.locator('[data-testid="wall-layer"][data-layer="population"]').click();
    await confirmCommand(consolePage, '调整大屏图层，突出重点');
    await expect.poll(wallLayers, { timeout: 10_000 }).toContain('population');
  });

  it('turns the post overdue on the console and the wall in the same second, without a reload, when the server clock passes the deadline', async () => {
    await consolePage.locator(`[data-testid="incident-row"][data-incident-id="${INCIDENT}"]`).click();
    const consolePost = consolePage.locator('[data-testid="forward-post"]');
    await consolePost.waitFor();
    const postId = (await consolePost.getAttribute('data-post-id'))!;
    const wallPost = wallPage.locator(`[data-testid="forward-post"][data-post-id="${postId}"]`);
    await consolePage.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    skew = 31 * 60_000;
    await expect.poll(() => consolePost.getAttribute('data-phase'), { timeout: 10_000 }).toBe('overdue');
    await expect.poll(() => wallPost.getAttribute('data-phase'), { timeout: 10_000 }).toBe('overdue');
    expect(await consolePage.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await consolePost.getByTestId('post-phase').textContent()).toBe('已超时');
    expect(await wallPost.getByTestId('post-phase').textContent()).toBe('已超时');
    // Red, and said in words: not colour alone.
    expect(await consolePost.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(161, 26, 31)');
    expect(await wallPost.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(161, 26, 31)');
    const [c, w] = await clocksTogether(postId);
    expect(c).toMatch(/^-0[01]:\d\d$/);
    expect(w).toBe(c);
    await consolePage.waitForTimeout(300);
    await consolePage.screenshot({ path: join(artifactsDir, 'console-incident.png'), fullPage: false });
    await consolePage.getByTestId('forward-posts').screenshot({ path: join(artifactsDir, 'console-post-overdue.png') });
    await wallPost.screenshot({ path: join(artifactsDir, 'console-wall-post-overdue.png') });
    await wallPage.screenshot({ path: join(artifactsDir, 'console-wall-3840x2160.png') });
    await consolePage.getByTestId('surroundings').screenshot({ path: join(artifactsDir, 'console-surroundings.png') });

    // Linked: the clock stops and the red block goes. (Which of linked / linked-late depends on the link's
    // stamp, which Postgres's clock makes, not the skewed server clock: the label must match the phase.)
    await consolePage.getByTestId('mark-comms-linked').click();
    await consolePage.getByTestId('confirm-link-satellite').click();
    await confirmCommand(consolePage, '前方报告');
    await expect.poll(() => consolePost.getAttribute('data-phase')).toMatch(/^linked(-late)?$/);
    const phase = await consolePost.getAttribute('data-phase');
    await expect.poll(() => wallPost.getAttribute('data-phase'), { timeout: 10_000 }).toBe(phase);
    expect(await consolePost.getByTestId('post-phase').textContent()).toBe(phase === 'linked' ? '已联通' : '超时后联通');
    expect(await consolePost.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(161, 26, 31)');
    const frozen = await consolePost.getByTestId('post-clock').textContent();
    await consolePage.waitForTimeout(1200);
    expect(await consolePost.getByTestId('post-clock').textContent()).toBe(frozen);
    expect(await consolePage.locator('[data-milestone="comms-linked"] .m-text').textContent()).toMatch(/^\d\d:\d\d:\d\d 王指挥 · 卫星$/);
  });

  it('raises the response level; the header and the wall show it', async () => {
    await consolePage.locator('[data-testid="crumb"][data-view="city"]').click();
    await consolePage.getByTestId('response-set-II').click();
    expect(await consolePage.getByTestId('confirm-summary').textContent()).toBe('启动Ⅱ级应急响应');
    await confirmCommand(consolePage, '启动Ⅱ级应急响应');
    await expect.poll(() => consolePage.getByTestId('response-level').getAttribute('data-level')).toBe('II');
    expect(await consolePage.getByTestId('response-set-II').isDisabled()).toBe(true);
    expect(await consolePage.getByTestId('response-set-II').getAttribute('data-reason')).toBe('已是当前级别');
    await expect.poll(() => wallPage.getByTestId('wall').textContent(), { timeout: 10_000 }).toContain('Ⅱ级应急响应');
  });

  it('fits a finger and an eye at 1180×820 and 820×1180 on every level (screenshots for review)', async () => {
    const views = ['', '?view=district:集美区', `?view=incident:${INCIDENT}`];
    for (const [w, h] of [[1180, 820], [820, 1180]] as const) {
      await consolePage.setViewportSize({ width: w, height: h });
      for (const v of views) {
        await consolePage.goto(`${server.baseUrl}/console${v}`);
        await consoleEl().waitFor();
        await expect.poll(() => consoleEl().getAttribute('data-connection'), { timeout: 10_000 }).toBe('connected');
        await consolePage.waitForTimeout(400);
        const small = await tooSmall(consolePage);
        expect(small, `${w}×${h} ${v}`).toEqual({ targets: [], text: [] });
        // Nothing wider than the screen: a tablet never scrolls sideways.
        expect(await consolePage.evaluate(() => document.documentElement.scrollWidth), `${w}×${h} ${v}`).toBeLessThanOrEqual(w);
        if (w === 820 && v.includes('incident')) await consolePage.screenshot({ path: join(artifactsDir, 'console-incident-820x1180.png') });
      }
    }
    await consolePage.setViewportSize({ width: 1180, height: 820 });
    await consolePage.goto(`${server.baseUrl}/console`);
    await consoleEl().waitFor();
    await consolePage.waitForTimeout(600);
    await consolePage.screenshot({ path: join(artifactsDir, 'console-1180x820.png') });
    await consolePage.setViewportSize({ width: 820, height: 1180 });
    await consolePage.waitForTimeout(300);
    await consolePage.screenshot({ path: join(artifactsDir, 'console-820x1180.png') });
  });

  it('shows the audit trail with filters and exports it as CSV with the bearer token', async () => {
    await consolePage.setViewportSize({ width: 1180, height: 820 });
    await consolePage.getByTestId('tab-audit').click();
    await consolePage.getByTestId('audit-row').first().waitFor();
    const actions = () => consolePage.getByTestId('audit-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(await actions()).toEqual(expect.arrayContaining(['post.order', 'post.milestone', 'team.dispatch', 'wall.focus', 'response.set', 'auth.sign-in']));

    await consolePage.getByTestId('audit-family').selectOption('post.');
    await consolePage.getByTestId('audit-search').click();
    await expect.poll(async () => [...new Set(await actions())].sort()).toEqual(['post.milestone', 'post.order']);
    expect(await tooSmall(consolePage)).toEqual({ targets: [], text: [] });

    const [download] = await Promise.all([consolePage.waitForEvent('download'), consolePage.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^beacon-audit-\d{8}-\d{4}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFat,actorName')).toBe(true);
    expect(csv).toContain('post.order');
    expect(csv).not.toContain('wall.focus');
    expect(csv).toContain('王指挥');
  });

  it('raised no Content-Security-Policy violation on the console or the wall', async () => {
    expect(await consoleCsp()).toEqual([]);
    expect(await wallCsp()).toEqual([]);
  });

  it('switches to English and back', async () => {
    await consolePage.getByTestId('tab-situation').click();
    await consolePage.getByTestId('switch-language').click();
    await expect.poll(() => consolePage.locator('html').getAttribute('lang')).toBe('en');
    expect(await consolePage.getByTestId('signed-in-as').textContent()).toBe('王指挥 · Commander');
    expect(await consolePage.getByTestId('response-level').textContent()).toMatch(/Level (Ⅱ|II) response/);
    expect(await consolePage.getByTestId('crumb-current').textContent()).toBe('Whole city');
    expect(await consolePage.locator('[data-testid="drill-district"][data-view="district:集美区"]').textContent()).toContain('Jimei');
    await consolePage.getByTestId('switch-language').click();
    await expect.poll(() => consolePage.getByTestId('crumb-current').textContent()).toBe('全市');
  });

  it('shows a duty officer only the commands the duty role may issue', async () => {
    const page = await browser.newPage({ viewport: { width: 1180, height: 820 } });
    await signedInAs(page, server, 'duty');
    await page.goto(`${server.baseUrl}/console`);
    await page.getByTestId('console').waitFor();
    await page.locator(`[data-testid="incident-row"][data-incident-id="${OTHER}"]`).waitFor();
    // The response level is the commander's decision: shown, not offered.
    expect(await page.getByTestId('response-set-I').count()).toBe(0);
    await page.locator(`[data-testid="incident-row"][data-incident-id="${OTHER}"]`).click();
    await page.getByTestId('incident-level').waitFor();
    expect(await page.getByTestId('order-post').count()).toBe(0);
    expect(await page.locator('[data-testid^="dispatch-"]').count()).toBe(0);
    expect(await page.getByTestId('acknowledge').isEnabled()).toBe(true);
    expect(await page.getByTestId('put-on-wall').isEnabled()).toBe(true);
    await page.goto(`${server.baseUrl}/console?view=incident:${INCIDENT}`);
    await page.getByTestId('mark-video-up').waitFor();
    await page.close();
  });

  it('signs out back to the form', async () => {
    await consolePage.getByTestId('sign-out').click();
    await consolePage.getByTestId('sign-in').waitFor();
    expect(await consolePage.evaluate(() => localStorage.getItem('beacon.session'))).toBeNull();
  });
});
