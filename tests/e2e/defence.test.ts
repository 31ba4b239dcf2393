/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { xiamen } from '@beacon/shared';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';

// The e2e server runs the default region, Xiamen: these records are Xiamen's.
const categorySchemas = categorySchemasOf(xiamen);
import { exampleOf } from '@beacon/shared/categories/catalog/example-record.ts';
import { artifactsDir } from '../support/artifacts.ts';
import { wallUrl } from '../support/screen-session.ts';
import { launchChromium } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { departmentSender } from '../support/department-sender.ts';
import { placements } from './placements/defence.ts';

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

const send = departmentSender(() => server, 'defence e2e');

/** The catalog's example record of a category, observed now (so its feed is live). */
const example = (category: string) => exampleOf(categorySchemas[category]!, new Date().toISOString()) as Record<string, unknown>;

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
  await page.getByTestId('defence').waitFor();
  return page;
}

/**
 * Rows whose parts leave the row or run into each other (a value over its label, a source over the
 * trend), and rows below the panel's bottom edge: what a reader would see as cut or overlaid.
 */
async function crowdedRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const panel = document.querySelector('[data-testid="defence"]')!.getBoundingClientRect();
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid="defence-figure"]')) {
      const id = row.dataset.figure!;
      const box = row.getBoundingClientRect();
      if (box.bottom > panel.bottom + 0.5) problems.push(`${id}: below the panel`);
      // Text is measured by its glyphs' run (a range), so text spilling out of its box is caught; the
      // run's height is the font's, taller than a tight line, so overlap is judged on the text's width
      // within each part's own line box.
      const parts = [...row.querySelectorAll<HTMLElement | SVGElement>('.label, .value, .source, .trend, .detail, .progress')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const own = el.getBoundingClientRect();
        const text = el instanceof SVGElement || el.classList.contains('progress') ? own : range.getBoundingClientRect();
        return { name: el.getAttribute('class')!, r: new DOMRect(text.left, own.top, text.width, own.height) };
      });
      for (const p of parts) if (p.r.left < box.left - 0.5 || p.r.right > box.right + 0.5) problems.push(`${id}: ${p.name} leaves the row`);
      for (let i = 0; i < parts.length; i++)
        for (let j = i + 1; j < parts.length; j++) if (overlap(parts[i]!.r, parts[j]!.r)) problems.push(`${id}: ${parts[i]!.name} overlaps ${parts[j]!.name}`);
    }
    return problems;
  });
}

describe('the typhoon-defence panel (防御工作落实)', () => {
  it('shows nothing for a department before its first record: every placement waits for data', async () => {
    const page = await openWall(3840, 2160);
    expect(await page.getByTestId('defence-figure').count()).toBe(15);
    for (const p of placements) expect(await page.locator(p.selector).count(), p.category).toBe(0);
    await page.close();
  });

  it('finds each placed category on the wall once its example record arrives through the public API', async () => {
    for (const p of placements) await send(p.category, [example(p.category)]);
    const page = await openWall(3840, 2160);
    for (const p of placements) {
      expect(p.path).toBe('/wall');
      await page.locator(p.selector).first().waitFor({ timeout: 10_000 });
      expect(await page.locator(p.selector).count(), p.category).toBe(1);
    }
    await page.close();
  });

  it('counts what the records say, live, with progress towards the boats expected home', async () => {
    const page = await openWall(3840, 2160);
    const now = new Date().toISOString();
    await send('fishing-boat', [
      { ...example('fishing-boat'), harbourId: 'HB-GAOQI', observedAt: now, boatsRegistered: 400, boatsInHarbour: 300, boatsAtSea: 100 },
      { ...example('fishing-boat'), harbourId: 'HB-AOTOU', observedAt: now, boatsRegistered: 100, boatsInHarbour: 100, boatsAtSea: 0 },
    ]);
    await send('school-closure', [{ ...example('school-closure'), schoolId: 'SCH-SM-0012', observedAt: now, status: 'closed' }]);
    const boats = page.locator('[data-testid="defence-figure"][data-figure="boats-in-harbour"]');
    // The example harbour (10 of 10 home) plus these two: 410 of 510.
    await expect.poll(() => boats.getAttribute('data-value'), { timeout: 10_000 }).toBe('410');
    expect(await boats.getByTestId('defence-progress').getAttribute('data-progress')).toBe((410 / 510).toFixed(3));
    const schools = page.locator('[data-testid="defence-figure"][data-figure="schools-closed"]');
    await expect.poll(() => schools.getAttribute('data-value'), { timeout: 10_000 }).toBe('1');
    expect(await schools.locator('.value').textContent()).toMatch(/^1 \/ 2\s*所$/);
    await page.close();
  });

  it.each([
    ['zh-CN', 3840, ''],
    ['en', 3840, '?lang=en'],
    ['zh-CN', 7680, ''],
    ['en', 7680, '?lang=en'],
  ])('every row fits: nothing cut, nothing overlaid, nothing below the panel (%s, %s wide)', async (locale, width, search) => {
    const page = await openWall(width, 2160, search);
    await page.locator(placements[0]!.selector).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1000); // let the map draw before the picture
    await page.screenshot({ path: join(artifactsDir, `wall-defence-${locale}-${width}x2160.png`) });
    expect(await crowdedRows(page)).toEqual([]);
    // The panel sits beside the map, not over it.
    const map = (await page.getByTestId('one-map').boundingBox())!;
    const panel = (await page.getByTestId('defence').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(map.x + map.width);
    await page.close();
  });
});
