import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { categories } from '@beacon/shared';
import { exampleOf } from '@beacon/shared/categories/catalog/example-record.ts';
import { xiamen } from '@beacon/shared';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';

// The e2e server runs the default region, Xiamen: these records are Xiamen's.
const categorySchemas = categorySchemasOf(xiamen);
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInAs, wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { departmentSender } from '../support/department-sender.ts';
import { placements as consolePlacements } from './placements/console.ts';
import { placements as defencePlacements } from './placements/defence.ts';
import { asSent, placements as existingPlacements } from './placements/existing.ts';
import { placements as layerPlacements } from './placements/layers.ts';
import { placements as surroundingsPlacements } from './placements/surroundings.ts';

// Issue #15: every one of the 56 categories shows on a screen. One server gets the catalog's example
// record of every category, each through the public ingest API with its own department's key; then
// each placement (tests/e2e/placements/*.ts) is looked for where it says, one page load per path.

const placements = [...defencePlacements, ...layerPlacements, ...consolePlacements, ...existingPlacements, ...surroundingsPlacements];

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

const send = departmentSender(() => server, 'every category e2e');

/** The catalog's example record, observed now (so its feed is live), as existing.ts says it must be sent to show. */
function example(category: string): Record<string, unknown> {
  const now = Date.now();
  return asSent(category, exampleOf(categorySchemas[category]!, new Date(now).toISOString()) as Record<string, unknown>, now);
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

/** A page for a placement's screen: the wall with its kiosk link, the console signed in as duty. */
async function open(screen: 'wall' | 'console', path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: screen === 'wall' ? { width: 3840, height: 2160 } : { width: 1180, height: 820 } });
  if (screen === 'wall') {
    const [pathname, search = ''] = path.split('?');
    await page.goto(wallUrl(server, pathname, search ? `?${search}` : ''));
    await page.getByTestId('map-legend').waitFor();
  } else {
    await signedInAs(page, server, 'duty');
    await page.goto(`${server.baseUrl}${path}`);
    await expect.poll(() => page.getByTestId('console').getAttribute('data-connection'), { timeout: 15_000 }).toBe('connected');
  }
  return page;
}

/** The placements grouped by the page they are found on, so each page is loaded once. */
function byPage(): Map<string, typeof placements> {
  const groups = new Map<string, typeof placements>();
  for (const p of placements) {
    const key = `${p.screen} ${p.path}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return groups;
}

describe('every one of the 56 categories on a screen (issue #15)', () => {
  it('places every category of the catalog, and only categories of the catalog', () => {
    const placed = new Set(placements.map((p) => p.category));
    expect([...categories.keys()].filter((c) => !placed.has(c))).toEqual([]);
    expect([...placed].filter((c) => !categories.has(c))).toEqual([]);
    expect(categories.size).toBe(56);
  });

  it('finds no placement before any record has arrived (no selector is always true)', async () => {
    const matched: string[] = [];
    for (const group of byPage().values()) {
      const page = await open(group[0]!.screen, group[0]!.path);
      for (const p of group) if ((await page.locator(p.selector).count()) > 0) matched.push(`${p.category} at ${p.screen} ${p.path}: ${p.selector}`);
      await page.close();
    }
    expect(matched).toEqual([]);
  });

  it('finds each category\'s example record, sent through the public API, where its placement says', async () => {
    for (const category of categories.keys()) await send(category, [example(category)]);
    const missing: string[] = [];
    for (const [key, group] of byPage()) {
      const page = await open(group[0]!.screen, group[0]!.path);
      for (const p of group) {
        const found = await page.locator(p.selector).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
        if (!found) missing.push(`${p.category} at ${p.screen} ${p.path}: ${p.selector}`);
      }
      // The console scrolls inside itself: the picture shows the page's last placement where it is.
      await page.locator(group.at(-1)!.selector).first().scrollIntoViewIfNeeded().catch(() => undefined);
      await page.screenshot({ path: join(artifactsDir, `every-category-${key.replace(/[^a-z0-9]+/gi, '-')}.png`) });
      await page.close();
    }
    // Reported by category: which ones a reader would not find, and where they were looked for.
    expect(missing).toEqual([]);
  });
});
