import { join } from 'node:path';
import { categoryList, type DepartmentId } from '@beacon/shared';
import { defaultScreenDir } from '@beacon/server';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { generateRecords } from '@beacon/simulator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir } from '../support/artifacts.ts';
import { signedInAs } from '../support/screen-session.ts';
import { launchChromium } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

/** A typhoon pass in fast motion through the public API: rain, warnings, incidents, teams and shelters. */
async function seedStorm() {
  const keys = new Map<DepartmentId, string>();
  const categories = ['weather-warning', 'incident', 'rescue-team', 'shelter', 'waterlogging-point', 'typhoon-track'];
  for (const c of categoryList.filter((c) => categories.includes(c.id))) {
    if (!keys.has(c.department)) keys.set(c.department, (await createDepartmentKey(server.db.sql, c.department, 'e2e')).key);
  }
  const start = Date.now() - 2 * 3600_000;
  for (let i = 0; i < 16; i++) {
    const phase = 0.3 + i * 0.03;
    const at = new Date(start + i * 6 * 60_000).toISOString();
    const batches: [string, string, unknown][] = [['rain-gauge', server.meteorologyKey, { records: generateRecords('rain-gauge', phase, at) }]];
    for (const id of categories) {
      const c = categoryList.find((x) => x.id === id)!;
      const records = generateRecords(id, phase, at);
      if (records.length) batches.push([id, keys.get(c.department)!, { records }]);
    }
    for (const [category, key, body] of batches) {
      const res = await fetch(`${server.baseUrl}/api/v1/ingest/${category}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
      expect([category, res.status]).toEqual([category, 200]);
    }
    await new Promise((r) => setTimeout(r, 150)); // spread the log over time, as a real pass would be
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir, rateLimit: false, snapshots: { everyEvents: 200 } });
  await seedStorm();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

describe('/replay', () => {
  it('opens a window, jumps to a key moment, plays at 600×, and shows the wall as it was', async () => {
    const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    await signedInAs(page, server, 'duty');
    await page.goto(`${server.baseUrl}/replay`);
    const root = page.getByTestId('replay');
    await expect.poll(() => root.getAttribute('data-loading'), { timeout: 15_000 }).toBe('false');
    const moments = page.getByTestId('replay-moment');
    await expect.poll(() => moments.count(), { timeout: 15_000 }).toBeGreaterThan(2);

    const middle = moments.nth(Math.floor((await moments.count()) / 2));
    const momentAt = Number(await middle.getAttribute('data-at'));
    await middle.click();
    await expect.poll(async () => Number(await root.getAttribute('data-at')), { timeout: 10_000 }).toBe(momentAt);
    await expect.poll(() => page.getByTestId('rain-ranking-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(artifactsDir, 'replay-3840x2160.png') });

    await page.getByTestId('replay-speed-600').click();
    await page.getByTestId('replay-play').click();
    await expect.poll(async () => Number(await root.getAttribute('data-at')), { timeout: 10_000 }).toBeGreaterThan(momentAt);
    await page.close();
  });

  it('is usable on a tablet (screenshot for review)', async () => {
    const page = await browser.newPage({ viewport: { width: 1180, height: 820 } });
    await signedInAs(page, server, 'duty');
    await page.goto(`${server.baseUrl}/replay`);
    await expect.poll(() => page.getByTestId('replay').getAttribute('data-loading'), { timeout: 15_000 }).toBe('false');
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(artifactsDir, 'replay-1180x820.png') });
    await page.close();
  });
});
