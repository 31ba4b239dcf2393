import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { generateRecords, generatedCategories } from '@beacon/simulator';
import { CATEGORY_LAYER_SPECS } from '@beacon/shared';
import { xiamen } from '@beacon/shared';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';

// The e2e server runs the default region, Xiamen: these records are Xiamen's.
const categorySchemas = categorySchemasOf(xiamen);
import { exampleOf } from '@beacon/shared/categories/catalog/example-record.ts';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { issue } from '../support/command-fixtures.ts';
import { signedInAs, trackCspViolations, wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { departmentSender } from '../support/department-sender.ts';
import { placements } from './placements/layers.ts';

// The one-map's category layers, end to end: each category's example record (the one the 56-category
// test sends) goes in through the public ingest API with its department's own key, and the wall's legend
// then counts it — the placements the lead merges are proven here first.

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

const send = departmentSender(() => server, 'map layers');

let stormDaySent = false;
/** Every department's records at landfall, as the simulator makes them (once per file: resending is a no-op anyway). */
async function sendStormDay() {
  if (stormDaySent) return;
  const nowIso = new Date().toISOString();
  for (const category of generatedCategories) {
    const records = generateRecords(category, 0.5, nowIso);
    if (records.length > 0) await send(category, records);
  }
  stormDaySent = true;
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

  it('draw a storm day legibly beside or above the legend, in both languages and on the wide wall (screenshots to review)', async () => {
    await sendStormDay();
    for (const [name, w, h, search] of [['zh-3840x2160', 3840, 2160, ''], ['en-3840x2160', 3840, 2160, '?lang=en'], ['zh-7680x2160', 7680, 2160, ''], ['en-7680x2160', 7680, 2160, '?lang=en']] as const) {
      const page = await openWall(w, h, search);
      await page.locator('[data-testid="map-legend"] [data-layer="traffic"]:not([data-count="0"])').waitFor({ timeout: 15_000 });
      // The map is drawn beside the legend (the wide wall), or above it when the legend is a band across
      // a narrow map's foot (the 16:9 wall beside the defence panel) — never under it.
      const map = page.getByTestId('one-map');
      const legendEl = page.getByTestId('map-legend');
      await expect.poll(async () => Number(await map.getAttribute('data-inset-right')) + Number(await map.getAttribute('data-inset-bottom'))).toBeGreaterThan(0);
      const place = await legendEl.getAttribute('data-place');
      expect(place, name).toBe(w === 3840 ? 'bottom-band' : 'bottom-right');
      const legend = await legendEl.boundingBox();
      const mapBox = await map.boundingBox();
      const scale = mapBox!.width / (await map.evaluate((e) => e.clientWidth));
      if (place === 'bottom-band') {
        const insetBottom = Number(await map.getAttribute('data-inset-bottom'));
        expect(mapBox!.y + mapBox!.height - insetBottom * scale).toBeLessThanOrEqual(legend!.y + 1);
      } else {
        const insetRight = Number(await map.getAttribute('data-inset-right'));
        expect(mapBox!.x + mapBox!.width - insetRight * scale).toBeLessThanOrEqual(legend!.x + 1);
      }
      await page.waitForTimeout(1500); // the map redraws at most once a second
      await page.screenshot({ path: join(artifactsDir, `map-layers-${name}.png`) });
      // Every legend row inside the legend: nothing runs into the next column or out of the box.
      const spill = await legendEl.evaluate((ul) => {
        const box = ul.getBoundingClientRect();
        return [...ul.querySelectorAll('li')].flatMap((li) => {
          const r = li.getBoundingClientRect();
          const text = document.createRange();
          text.selectNodeContents(li);
          const t = text.getBoundingClientRect();
          return t.right > r.right + 1 || r.right > box.right + 1 || r.left < box.left - 1 ? [li.textContent ?? ''] : [];
        });
      });
      expect(spill, name).toEqual([]);
      await page.close();
    }
  });
  it('keep the legend off the forward-post clocks, wherever the wall puts them', async () => {
    await sendStormDay();
    const incident = Object.values(server.app.engine.state.latest.incident ?? {}).find((r) => r.data.status !== 'closed')!;
    const r = await issue(server, server.tokens.commander, { kind: 'post.order', postId: 'FP-LAYERS', incidentId: incident.entityId }, { reason: 'map layers e2e' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // The city fills the centre column; an incident's surroundings make it narrow (the legend then goes below the clocks).
    for (const [focus, view] of [['city', { kind: 'city' }], ['incident', { kind: 'incident', incidentId: incident.entityId }]] as const) {
      const f = await issue(server, server.tokens.commander, { kind: 'wall.focus', view }, { reason: 'map layers e2e' });
      expect([201, 409]).toContain(f.status);
      for (const [name, search] of [['zh', ''], ['en', '?lang=en']] as const) {
        const page = await openWall(3840, 2160, search);
        // Where the clocks are: over the map at an incident; at the city, beside the defence panel, the
        // post's card takes the incident list's place in the side column (WallBoard's postInColumn).
        const posts = page.getByTestId('forward-posts');
        await posts.getByTestId('forward-post').first().waitFor();
        const overMap = await page.locator('[data-testid="one-map"] ~ .overlay [data-testid="forward-posts"]').count();
        expect(overMap, `${focus}: the clocks ${focus === 'city' ? 'in the side column' : 'over the map'}`).toBe(focus === 'city' ? 0 : 1);
        await page.waitForTimeout(1500);
        const legend = (await page.getByTestId('map-legend').boundingBox())!;
        const clocks = (await posts.boundingBox())!;
        expect(clocks.height).toBeGreaterThan(0);
        const overlaps = legend.x < clocks.x + clocks.width && clocks.x < legend.x + legend.width && legend.y < clocks.y + clocks.height && clocks.y < legend.y + legend.height;
        const place = await page.getByTestId('map-legend').getAttribute('data-place');
        expect(overlaps, `${focus} ${name}: legend (${place}) ${JSON.stringify(legend)} on the clocks ${JSON.stringify(clocks)}`).toBe(false);
        await page.screenshot({ path: join(artifactsDir, `map-layers-post-${focus}-${name}-3840x2160.png`) });
        await page.close();
      }
    }
    const back = await issue(server, server.tokens.commander, { kind: 'wall.focus', view: { kind: 'city' } }, { reason: 'map layers e2e' });
    expect([201, 409]).toContain(back.status);
  });
  it('hide and show a new layer group on the wall by the console\'s command, as the original layers', async () => {
    const page = await openWall(3840, 2160);
    const map = page.getByTestId('one-map');
    await expect.poll(async () => (await map.getAttribute('data-layers'))?.split(',')).toContain('traffic');
    const hide = await issue(server, server.tokens.duty, { kind: 'wall.layers', hidden: ['traffic', 'population'] }, { reason: 'map layers e2e' });
    expect(hide.status, JSON.stringify(hide.body)).toBe(201);
    await expect.poll(async () => (await map.getAttribute('data-layers'))?.split(','), { timeout: 10_000 }).not.toContain('traffic');
    expect(await page.locator('[data-testid="map-legend"] [data-layer="traffic"]').count()).toBe(0);
    expect(await page.locator('[data-testid="map-legend"] [data-layer="utility"]').count()).toBe(1);
    const show = await issue(server, server.tokens.duty, { kind: 'wall.layers', hidden: [] }, { reason: 'map layers e2e' });
    expect(show.status, JSON.stringify(show.body)).toBe(201);
    await expect.poll(async () => (await map.getAttribute('data-layers'))?.split(','), { timeout: 10_000 }).toContain('traffic');
    await page.close();
  });
});

describe('the one-map on the leader\'s tablet', () => {
  async function openConsole(width: number, height: number, search = ''): Promise<{ page: Page; csp: () => Promise<string[]> }> {
    const page = await browser.newPage({ viewport: { width, height }, hasTouch: true });
    const csp = await trackCspViolations(page);
    await signedInAs(page, server, 'commander');
    await page.goto(`${server.baseUrl}/console${search}`);
    await page.getByTestId('console-map').waitFor();
    return { page, csp };
  }
  const targets = (page: Page, kind: string) => page.locator(`[data-testid="console-map-target"][data-kind="${kind}"]`);
  /** The first target of a kind that a finger on its centre reaches (an incident's pin may sit on a district's name: the pin wins). */
  async function reachable(page: Page, kind: string): Promise<string> {
    const view = await page.evaluate((k) => {
      for (const b of document.querySelectorAll<HTMLElement>(`[data-testid="console-map-target"][data-kind="${k}"]`)) {
        const r = b.getBoundingClientRect();
        if (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('button') === b) return b.dataset.view ?? null;
      }
      return null;
    }, kind);
    expect(view, `no ${kind} on the map can be tapped`).not.toBeNull();
    return view!;
  }
  const tapTarget = (page: Page, view: string) => page.locator(`[data-testid="console-map-target"][data-view="${view}"]`).tap();

  it('shows the same layers as the wall, and a tap on a district, a town, then an incident drills down', async () => {
    await sendStormDay();
    const { page, csp } = await openConsole(1180, 820);
    await page.locator('[data-testid="console-map-legend"] [data-category="road-closure"]:not([data-count="0"])').waitFor({ timeout: 15_000 });
    await expect.poll(() => targets(page, 'district').count(), { timeout: 10_000 }).toBe(6);

    const district = await reachable(page, 'district');
    await tapTarget(page, district);
    await expect.poll(() => page.getByTestId('console').getAttribute('data-view')).toBe(district);
    // Zoomed into the district, its towns become the targets.
    await expect.poll(() => targets(page, 'subdistrict').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1200); // the map redraws at most once a second: let the zoom settle
    const town = await reachable(page, 'subdistrict');
    await tapTarget(page, town);
    await expect.poll(() => page.getByTestId('console').getAttribute('data-view')).toBe(town);

    await page.goto(`${server.baseUrl}/console`);
    await expect.poll(() => targets(page, 'incident').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const incident = await reachable(page, 'incident');
    await tapTarget(page, incident);
    await expect.poll(() => page.getByTestId('console').getAttribute('data-view')).toBe(incident);
    expect(await csp()).toEqual([]);
    await page.close();
  });

  it('fits a tablet held either way, in both languages (screenshots to review)', async () => {
    await sendStormDay();
    for (const [name, w, h, search] of [['zh-1180x820', 1180, 820, ''], ['en-1180x820', 1180, 820, '?lang=en'], ['zh-820x1180', 820, 1180, ''], ['en-820x1180', 820, 1180, '?lang=en']] as const) {
      const { page } = await openConsole(w, h, search);
      await expect.poll(() => targets(page, 'district').count(), { timeout: 10_000 }).toBe(6);
      // The map and its legend stay within the card: nothing to scroll sideways on a tablet.
      const card = await page.getByTestId('console-map').boundingBox();
      expect(card!.x + card!.width).toBeLessThanOrEqual(w);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(artifactsDir, `console-map-${name}.png`) });
      await page.goto(`${server.baseUrl}/console${search ? `${search}&` : '?'}view=district:湖里区`);
      await expect.poll(() => targets(page, 'subdistrict').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(artifactsDir, `console-map-district-${name}.png`) });
      await page.close();
    }
  });
});
