import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { generateRecords, generatedCategories } from '@beacon/server/simulator/departments/generate.ts';
import { categories, CATEGORY_LAYER_SPECS, type DepartmentId } from '@beacon/shared';
import { categorySchemas } from '@beacon/shared/schemas.ts';
import { exampleOf } from '@beacon/shared/categories/catalog/example-record.ts';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { placements } from './placements/layers.ts';

// The one-map's category layers, end to end: each category's example record (the one the 56-category
// test sends) goes in through the public ingest API with its department's own key, and the wall's legend
// then counts it — the placements the lead merges are proven here first.

let database: TestDatabase;
let server: TestServer;
let browser: Browser;
const keys = new Map<DepartmentId, string>();

async function send(category: string, records: unknown[]) {
  const department = categories.get(category)!.department;
  if (!keys.has(department)) keys.set(department, (await createDepartmentKey(server.db.sql, department, 'map layers')).key);
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/${category}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(department)}` },
    body: JSON.stringify({ records }),
  });
  expect(res.status, `${category}: ${await res.clone().text()}`).toBe(200);
}

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function openWall(width: number, height: number, search = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(wallUrl(server, '/wall', search));
  await page.getByTestId('map-legend').waitFor();
  return page;
}

describe('the one-map category layers', () => {
  it('place every one of their categories, and each shows on the wall once its example record arrives', async () => {
    expect(placements.map((p) => p.category)).toEqual(CATEGORY_LAYER_SPECS.map((s) => s.category));
    const page = await openWall(3840, 2160);
    // Before any record, no placement matches: the selectors wait for data, not for the page.
    for (const p of placements) expect(await page.locator(p.selector).count(), p.category).toBe(0);

    const observedAt = new Date().toISOString();
    for (const p of placements) await send(p.category, [exampleOf(categorySchemas[p.category]!, observedAt)]);

    for (const p of placements) {
      await page.locator(p.selector).waitFor({ timeout: 15_000 });
      expect(await page.locator(p.selector).getAttribute('data-count'), p.category).toBe('1');
    }
    await page.close();
  });

  it('draw a storm day legibly beside the legend, in both languages and on the wide wall (screenshots to review)', async () => {
    const nowIso = new Date().toISOString();
    for (const category of generatedCategories) {
      const records = generateRecords(category, 0.5, nowIso);
      if (records.length > 0) await send(category, records);
    }
    for (const [name, w, h, search] of [['zh-3840x2160', 3840, 2160, ''], ['en-3840x2160', 3840, 2160, '?lang=en'], ['zh-7680x2160', 7680, 2160, ''], ['en-7680x2160', 7680, 2160, '?lang=en']] as const) {
      const page = await openWall(w, h, search);
      await page.locator('[data-testid="map-legend"] [data-layer="traffic"]:not([data-count="0"])').waitFor({ timeout: 15_000 });
      // The map is drawn beside the legend, never under it.
      const map = page.getByTestId('one-map');
      await expect.poll(async () => Number(await map.getAttribute('data-inset-right'))).toBeGreaterThan(0);
      const legend = await page.getByTestId('map-legend').boundingBox();
      const mapBox = await map.boundingBox();
      const insetRight = Number(await map.getAttribute('data-inset-right'));
      const scale = mapBox!.width / (await map.evaluate((e) => e.clientWidth));
      expect(mapBox!.x + mapBox!.width - insetRight * scale).toBeLessThanOrEqual(legend!.x + 1);
      await page.waitForTimeout(1500); // the map redraws at most once a second
      await page.screenshot({ path: join(artifactsDir, `map-layers-${name}.png`) });
      await page.close();
    }
  });
});
