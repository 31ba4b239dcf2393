import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { createUser } from '@beacon/server/auth/users.ts';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInAs, trackCspViolations } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { tooSmall } from '../support/touch-size.ts';

/**
 * The console's admin section, driven as an admin would on a tablet, and checked against what the
 * server then has: the new user signs in, the revoked wall token is refused, the new key ingests.
 */

let database: TestDatabase;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let csp: () => Promise<string[]>;

const ADMIN_PASSWORD = 'lighthouse-admin-Q7#2026';
const DUTY_PASSWORD = 'Meranti-gauge-SM01-night';
/** Six characters: twice over it is a 12-character password that breaks two rules at once. */
const DUTY = 'zhou.w';

/** What the admin section holds for later steps: the secrets as the screen showed them, once. */
const shown: { wallLink?: string; kioskId?: string; key?: string; resetPassword?: string } = {};

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir, rateLimit: false });
  await createUser(server.db.sql, { username: 'chen.admin', displayName: '陈管理', role: 'admin', password: ADMIN_PASSWORD });
  // The copy button writes to the clipboard; the test reads it back to check what was copied.
  context = await browser.newContext({ viewport: { width: 1180, height: 820 }, permissions: ['clipboard-read', 'clipboard-write'] });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await database?.drop();
});

const admin = () => page.getByTestId('admin');
const userRow = (username: string) => page.locator(`[data-testid="user-row"][data-username="${username}"]`);
const kioskRows = () => page.getByTestId('admin-kiosks').getByTestId('credential-row');
const keyRows = () => page.getByTestId('admin-keys').getByTestId('credential-row');

async function signIn(username: string, password: string) {
  return fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
}

/** The secret on show, then the dialog closed as "saved". */
async function takeRevealed(kind: 'password' | 'wall-link' | 'key'): Promise<string> {
  const dialog = page.getByTestId('revealed');
  await dialog.waitFor();
  expect(await dialog.getAttribute('data-kind')).toBe(kind);
  const secret = (await page.getByTestId('revealed-secret').textContent())!.trim();
  await page.getByTestId('revealed-close').click();
  await dialog.waitFor({ state: 'detached' });
  return secret;
}

/** The admin section afresh from the server (leaving the tab and coming back reloads it). */
async function reloadSection() {
  await page.getByTestId('tab-situation').click();
  await page.getByTestId('tab-admin').click();
  await expect.poll(() => admin().getAttribute('data-loading')).toBe('false');
}

describe('/console admin section', () => {
  it('is a tab for the admin only, after signing in through the form', async () => {
    page = await context.newPage();
    csp = await trackCspViolations(page);
    await page.goto(`${server.baseUrl}/console`);
    await page.getByTestId('sign-in-username').fill('chen.admin');
    await page.getByTestId('sign-in-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('console').waitFor();
    expect(await page.getByTestId('tab-admin').textContent()).toBe('管理');
    await page.getByTestId('tab-admin').click();
    await expect.poll(() => admin().getAttribute('data-loading')).toBe('false');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('admin');
    expect(await userRow('chen.admin').textContent()).toContain('陈管理');
  });

  it('creates a duty user: the password policy refuses field by field, then the user signs in', async () => {
    await page.getByTestId('new-user-username').fill(DUTY);
    await page.getByTestId('new-user-display-name').fill('周值班');
    await page.getByTestId('new-user-role').selectOption('duty');
    // Breaks two rules at once: a repetition, and the user name inside.
    await page.getByTestId('new-user-password').fill(`${DUTY}${DUTY}`);
    await page.getByTestId('new-user-submit').click();
    const errors = page.getByTestId('new-user-form').getByTestId('field-error-password');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual(['不能全是空白，也不能是同一字符或一小段字符的重复', '不能包含用户名']);
    expect(await page.getByTestId('revealed').count()).toBe(0);
    expect((await signIn(DUTY, `${DUTY}${DUTY}`)).status).toBe(401);

    await page.getByTestId('new-user-password').fill(DUTY_PASSWORD);
    await page.getByTestId('new-user-submit').click();
    expect(await takeRevealed('password')).toBe(DUTY_PASSWORD);
    await userRow(DUTY).waitFor();
    expect(await userRow(DUTY).textContent()).toContain('值班员');
    expect(await page.getByTestId('new-user-form').getByTestId('field-error-password').count()).toBe(0);

    const res = await signIn(DUTY, DUTY_PASSWORD);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { actor: { name: string; role: string } }).actor).toMatchObject({ name: '周值班', role: 'duty' });
  });

  it('resets the password to one the server makes, shown once; the old one stops working', async () => {
    await userRow(DUTY).getByTestId('user-reset').click();
    await userRow(DUTY).getByTestId('reset-submit').click();
    shown.resetPassword = await takeRevealed('password');
    expect(shown.resetPassword).not.toBe(DUTY_PASSWORD);
    expect((await signIn(DUTY, DUTY_PASSWORD)).status).toBe(401);
    expect((await signIn(DUTY, shown.resetPassword)).status).toBe(200);
  });

  it('issues a kiosk token: the wall link is shown once and copied; the wall is then seen', async () => {
    await page.getByTestId('new-kiosk-label').fill('指挥大厅主屏');
    await page.getByTestId('new-kiosk-submit').click();
    const dialog = page.getByTestId('revealed');
    await dialog.waitFor();
    await page.getByTestId('revealed-copy').click();
    await expect.poll(() => page.getByTestId('revealed-copy').textContent()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    shown.wallLink = await takeRevealed('wall-link');
    expect(copied).toBe(shown.wallLink);
    expect(shown.wallLink).toMatch(new RegExp(`^${server.baseUrl}/wall#kiosk=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));

    const row = kioskRows().first();
    expect(await row.textContent()).toContain('指挥大厅主屏');
    expect(await row.getAttribute('data-state')).toBe('live');
    expect(await row.getByTestId('credential-seen').getAttribute('data-seen')).toBe('never');
    shown.kioskId = (await row.getAttribute('data-id'))!;

    // The wall opens its link: a wall page in a browser, as in the hall.
    const wall = await context.newPage();
    await wall.goto(shown.wallLink);
    await wall.getByTestId('wall').waitFor();
    await wall.close();
    await reloadSection();
    expect(await kioskRows().first().getByTestId('credential-seen').getAttribute('data-seen')).toBe('just-now');
    expect(await kioskRows().first().getByTestId('credential-seen').textContent()).toBe('最近在线：刚刚');
  });

  it('creates a department key, shown once, that ingests; its last use shows', async () => {
    await page.getByTestId('new-key-department').selectOption('meteorology');
    await page.getByTestId('new-key-label').fill('雨量站网关');
    await page.getByTestId('new-key-submit').click();
    shown.key = await takeRevealed('key');
    expect(shown.key).toMatch(/^bk_meteorology_/);
    const row = keyRows().filter({ hasText: '雨量站网关' });
    expect(await row.textContent()).toContain('气象局');
    expect(await row.getByTestId('credential-seen').getAttribute('data-seen')).toBe('never');

    const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${shown.key}` },
      body: JSON.stringify({ records: [{ stationId: 'SM01', observedAt: new Date(Date.now() - 60_000).toISOString(), rainfall1hMm: 12.5 }] }),
    });
    expect(res.status).toBe(200);
    await reloadSection();
    expect(await keyRows().filter({ hasText: '雨量站网关' }).getByTestId('credential-seen').getAttribute('data-seen')).toBe('just-now');
  });

  it('fits a finger and an eye at 1180×820 and 820×1180, nothing cut off (screenshots for review)', async () => {
    for (const [w, h] of [[1180, 820], [820, 1180]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(200);
      expect(await tooSmall(page), `${w}×${h}`).toEqual({ targets: [], text: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${w}×${h}`).toBeLessThanOrEqual(w);
      // Every part of the section in turn, as the admin scrolls to it.
      for (const part of ['admin-users', 'admin-kiosks', 'admin-keys'] as const) {
        await page.getByTestId(part).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(artifactsDir, `console-${part}-${w}x${h}.png`) });
      }
    }
    // A refusal under its field, and a secret on show, at tablet size.
    await page.setViewportSize({ width: 820, height: 1180 });
    await userRow(DUTY).getByTestId('user-reset').click();
    await userRow(DUTY).getByTestId('reset-password').fill('password1234');
    await userRow(DUTY).getByTestId('reset-submit').click();
    await userRow(DUTY).getByTestId('field-error-password').waitFor();
    expect(await userRow(DUTY).getByTestId('field-error-password').textContent()).toContain('不能是常见或容易猜到的密码');
    await userRow(DUTY).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(artifactsDir, 'console-admin-refusal-820x1180.png') });
    await userRow(DUTY).getByRole('button', { name: '取消' }).click();
    for (const [w, h] of [[1180, 820], [820, 1180]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('new-key-label').fill(`网关 ${w}`);
      await page.getByTestId('new-key-submit').click();
      await page.getByTestId('revealed').waitFor();
      expect(await tooSmall(page), `${w}×${h} secret`).toEqual({ targets: [], text: [] });
      await page.screenshot({ path: join(artifactsDir, `console-admin-secret-${w}x${h}.png`) });
      await takeRevealed('key');
    }
    await page.setViewportSize({ width: 1180, height: 820 });
  });

  it('revokes the kiosk token after a confirm: the wall link is refused from then on', async () => {
    const row = page.locator(`[data-testid="credential-row"][data-id="${shown.kioskId}"]`);
    await row.getByTestId('credential-revoke').click();
    expect(await row.getByTestId('admin-confirm').textContent()).toContain('吊销“指挥大厅主屏”？');
    await row.getByTestId('admin-confirm-ok').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');
    expect(await row.getByTestId('credential-revoke').count()).toBe(0);

    const token = new URL(shown.wallLink!).hash.replace('#kiosk=', '');
    const me = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ issues: [{ got: 'a revoked kiosk token' }] });
    const [audit] = await server.db.sql<{ actor_name: string }[]>`select actor_name from audit_entries where action = 'admin.kiosk-revoked' and target = ${shown.kioskId!}`;
    expect(audit).toEqual({ actor_name: '陈管理' });
  });

  it('disables the duty user after a confirm: their sign-in is refused', async () => {
    await userRow(DUTY).getByTestId('user-disable').click();
    await userRow(DUTY).getByTestId('admin-confirm-ok').click();
    await expect.poll(() => userRow(DUTY).getAttribute('data-state')).toBe('disabled');
    expect((await signIn(DUTY, shown.resetPassword!)).status).toBe(401);
  });

  it('speaks English when switched', async () => {
    await page.getByTestId('switch-language').click();
    expect(await page.getByTestId('tab-admin').textContent()).toBe('Admin');
    expect(await page.getByTestId('admin-keys').locator('h2').textContent()).toContain('Department API keys');
    await page.screenshot({ path: join(artifactsDir, 'console-admin-en-1180x820.png') });
    await page.getByTestId('switch-language').click();
    expect(await csp()).toEqual([]);
  });

  it('is not there for a duty officer, even by link', async () => {
    const duty = await context.newPage();
    await signedInAs(duty, server, 'duty');
    await duty.goto(`${server.baseUrl}/console?tab=admin`);
    await duty.getByTestId('console').waitFor();
    expect(await duty.getByTestId('tab-admin').count()).toBe(0);
    expect(await duty.getByTestId('admin').count()).toBe(0);
    expect(await duty.getByTestId('tab-situation').getAttribute('aria-selected')).toBe('true');
    await duty.close();
  });
});
