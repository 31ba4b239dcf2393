import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { artifactsDir } from '../support/artifacts.ts';
import { wallUrl } from '../support/screen-session.ts';
import { launchChromium } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

async function post(records: { stationId: string; rainfall1hMm: number; minutesAgo?: number }[]) {
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
    body: JSON.stringify({
      records: records.map((r) => ({
        stationId: r.stationId,
        rainfall1hMm: r.rainfall1hMm,
        observedAt: new Date(Date.now() - (r.minutesAgo ?? 0) * 60_000).toISOString(),
      })),
    }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir });
  // A wet hour across the city, with a history so the trend has a line to draw.
  const stations = ['SM01', 'SM04', 'HL03', 'JM02', 'HC04', 'TA01', 'TA03', 'XA02', 'XA04', 'JM05', 'HL01'];
  for (const minutesAgo of [60, 45, 30, 15]) {
    await post(stations.map((stationId, i) => ({ stationId, minutesAgo, rainfall1hMm: Math.round((5 + i * 3.3 + (60 - minutesAgo) / 4) * 10) / 10 })));
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function openWall(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(wallUrl(server));
  await page.getByTestId('rain-ranking-row').first().waitFor();
  return page;
}

describe('the wall at 3840×2160', () => {
  it('shows the ranking and the map, and both change live when a reading arrives', async () => {
    const page = await openWall(3840, 2160);
    const rows = page.getByTestId('rain-ranking-row');
    expect(await rows.count()).toBe(10);
    const leaderBefore = await rows.first().getAttribute('data-station-id');
    expect(leaderBefore).not.toBe('SM02');
    const map = page.getByTestId('one-map');
    await page.waitForTimeout(800); // let the map finish its first draw
    const mapBefore = await map.screenshot();

    await post([{ stationId: 'SM02', rainfall1hMm: 88.8 }]);

    await expect.poll(() => rows.first().getAttribute('data-station-id'), { timeout: 10_000 }).toBe('SM02');
    await expect.poll(() => rows.first().textContent()).toContain('88.8');
    // The map redraws at most once a second (the DOM panels at 10 Hz): wait for it to change.
    await expect.poll(async () => Buffer.compare(mapBefore, await map.screenshot()), { timeout: 10_000 }).not.toBe(0);

    await page.screenshot({ path: join(artifactsDir, 'wall-3840x2160.png') });
    await page.close();
  });

  it('says no response is in force, and shows which departments send data', async () => {
    const page = await openWall(3840, 2160);
    await expect.poll(() => page.getByTestId('response-level').textContent()).toContain('未启动应急响应');
    const tiles = page.getByTestId('feed-tile');
    expect(await tiles.count()).toBe(17);
    // Only meteorology has sent anything here: its tile is live, the others say they never did.
    await expect.poll(() => page.locator('[data-testid="feed-tile"][data-department="meteorology"]').getAttribute('data-status')).toBe('live');
    expect(await page.locator('[data-testid="feed-tile"][data-status="never"]').count()).toBe(16);
    // The map's legend lists the layers the wall shows, and greys the ones whose feed never sent.
    expect(await page.locator('[data-testid="map-legend"] [data-layer="incident"]').getAttribute('data-tone')).toBe('never');
    expect(await page.locator('[data-testid="map-legend"] [data-layer="rain"]').getAttribute('data-tone')).toBe('live');
    await page.close();
  });

  it('is legible at tablet size too (screenshot for review)', async () => {
    const page = await openWall(1180, 820);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(artifactsDir, 'wall-1180x820.png') });
    await page.close();
  });
});
