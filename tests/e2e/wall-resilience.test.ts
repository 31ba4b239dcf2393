import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { issue } from '../support/command-fixtures.ts';
import { wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// The wall runs for days unattended: a department going quiet must show (greyed, "since when")
// without anyone reloading, and a cut connection must show a banner and heal by itself.

let database: TestDatabase;
let server: TestServer;
let browser: Browser;
/** How far the server's clock is ahead of real time: screens follow the server's clock. */
let skewMs = 0;

async function postRain(stationId: string, rainfall1hMm: number) {
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
    body: JSON.stringify({ records: [{ stationId, rainfall1hMm, observedAt: new Date(Date.now() + skewMs).toISOString() }] }),
  });
  expect(res.status).toBe(200);
}

async function openWall(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
  await page.goto(wallUrl(server));
  await page.getByTestId('rain-ranking-row').first().waitFor();
  return page;
}

const meteorologyTile = (page: Page) => page.locator('[data-testid="feed-tile"][data-department="meteorology"]');

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir, now: () => Date.now() + skewMs, hub: { heartbeatMs: 300 } });
  await postRain('SM01', 12.5);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

describe('a wall left running', () => {
  it('greys a department that went silent, on its tile and its map layer, and says since when — without a reload', async () => {
    const page = await openWall();
    expect(await meteorologyTile(page).getAttribute('data-status')).toBe('live');
    // The 16 departments that never sent are "no data", not an outage: the red count stays 0 until one goes quiet.
    expect(await page.locator('.summary .silent').textContent()).toBe('中断 0');
    expect(await page.getByTestId('feed-never-count').textContent()).toBe('无数据 16');
    skewMs = 3 * 3600_000; // three quiet hours, as the server's clock tells them
    await expect.poll(() => meteorologyTile(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('silent');
    await expect.poll(() => page.locator('[data-testid="map-legend"] [data-layer="rain"]').getAttribute('data-tone'), { timeout: 5000 }).toBe('silent');
    expect(await meteorologyTile(page).textContent()).toMatch(/\d{2}:\d{2}/);
    expect(await page.locator('.summary .silent').textContent()).toBe('中断 1');
    await page.screenshot({ path: join(artifactsDir, 'wall-silent-feed-3840x2160.png') });

    // (Receive times come from the database clock, which the test cannot move: only silence is simulated.)
    skewMs = 0;
    await page.close();
  });

  it('shows a banner when the connection is cut, reconnects by itself and catches up on what it missed', async () => {
    const page = await openWall();
    const engine = server.app.hub.io.engine as unknown as { opts: { allowRequest?: unknown }; clients: Record<string, { close(): void }> };
    // Refuse new connections and drop the open ones: what a dead switch between hall and server looks like.
    engine.opts.allowRequest = (_req: unknown, callback: (err: string, ok: boolean) => void) => callback('network down (test)', false);
    for (const client of Object.values(engine.clients)) client.close();
    await page.getByTestId('connection-banner').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('wall').getAttribute('data-connection')).toBe('disconnected');
    await page.screenshot({ path: join(artifactsDir, 'wall-connection-lost-3840x2160.png') });

    await postRain('XA05', 77.7); // arrives while the wall is cut off
    delete engine.opts.allowRequest;
    await expect.poll(() => page.getByTestId('wall').getAttribute('data-connection'), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => page.getByTestId('connection-banner').count()).toBe(0);
    await expect.poll(() => page.getByTestId('rain-ranking-row').first().getAttribute('data-station-id'), { timeout: 10_000 }).toBe('XA05');
    await page.close();
  });
});

describe('a replay put on the wall from the console', () => {
  it('plays the past on every wall, marked as replay, then goes back to live', async () => {
    const command = async (c: Record<string, unknown>) => {
      const r = await issue(server, server.tokens.duty, c, { reason: '会商复盘' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    };
    const from = new Date(Date.now() - 1000).toISOString();
    await postRain('HL01', 88.8);
    await new Promise((r) => setTimeout(r, 1500));
    const to = new Date().toISOString();
    await postRain('HL01', 99.9); // after the window: the replay must not show it

    const page = await openWall();
    const leader = () => page.getByTestId('rain-ranking-row').first().textContent();
    await expect.poll(leader, { timeout: 10_000 }).toContain('99.9');
    await command({ kind: 'wall.replay', from, to, speed: 1 });
    await page.getByTestId('wall-replay-banner').waitFor({ timeout: 10_000 });
    await expect.poll(leader, { timeout: 10_000 }).toContain('88.8');
    await page.screenshot({ path: join(artifactsDir, 'wall-replay-3840x2160.png') });

    await command({ kind: 'wall.live' });
    await expect.poll(() => page.getByTestId('wall-replay-banner').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(leader, { timeout: 10_000 }).toContain('99.9');
    await page.close();
  });
});
