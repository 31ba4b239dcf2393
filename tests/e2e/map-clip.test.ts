import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { MAP_LAYER_IDS, type ViewRef } from '@beacon/shared';
import { gradeColour } from '../../screen/src/charts/theme.ts';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { emergencyFeed, issue } from '../support/command-fixtures.ts';
import { wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Issue #15: the one-map drew the zoomed city past its own box (under the legend and the forward-post
// clocks), and an incident near the map's left edge had its label cut off. Here an incident stands at
// the city's western tip, the wall is put on the city, on its district and on the incident, and in each
// the map's canvas must stay inside its box and the incident's label must be drawn whole.

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

/** At the western tip of Haicang (海沧区 reaches the region's westernmost longitude, 117.888). */
const WEST_INCIDENT = 'INC-WEST-EDGE';
const WEST_TITLE = '海沧区东孚街道山体滑坡压埋民房';
const DISTRICT = '海沧区';
/** Severity I: its pin and its label's border are drawn in this colour, and nothing else on the map is. */
const SEVERITY_COLOUR = gradeColour.red;
/** At Xiang'an's eastern end, level with Haicang: out of view, beside the map, when the wall is on Haicang or on the western incident. */
const EAST_INCIDENT = 'INC-EAST-END';
/** Severity II: the eastern incident's colour. */
const EAST_COLOUR = gradeColour.orange;

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir });
  const feed = await emergencyFeed(server);
  await feed.incident(WEST_INCIDENT, { severity: 'I', kind: 'landslide', title: WEST_TITLE, lon: 117.905, lat: 24.535, district: DISTRICT });
  await feed.incident(EAST_INCIDENT, { severity: 'II', kind: 'flood', title: '翔安区大嶝街道海水倒灌', lon: 118.4, lat: 24.6, district: '翔安区' });
  // Only the incident layer: its colour then marks its pin and its label alone (the label's border).
  const hide = await issue(server, server.tokens.duty, { kind: 'wall.layers', hidden: MAP_LAYER_IDS.filter((l) => l !== 'incident') }, { reason: 'map clip e2e' });
  expect(hide.status, JSON.stringify(hide.body)).toBe(201);
  // A forward post: its clocks float over the 16:9 wall's map when it is focused.
  const post = await issue(server, server.tokens.commander, { kind: 'post.order', postId: 'FP-CLIP', incidentId: WEST_INCIDENT }, { reason: 'map clip e2e' });
  expect(post.status, JSON.stringify(post.body)).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function openWall(width: number, height: number, search: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(wallUrl(server, '/wall', search));
  await page.locator('[data-testid="map-legend"] [data-layer="incident"][data-count="2"]').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(1500); // the map redraws at most once a second: let the focus and layers settle
  return page;
}

interface Rect { left: number; top: number; right: number; bottom: number }

/**
 * What the page drew: each of the map's chart canvases (one, or more if the map is drawn in stacked
 * charts: data-testid one-map…), its panel, what floats on it, and where each colour is in each canvas.
 */
async function measure(page: Page, colours: string[]) {
  return page.evaluate((hexes) => {
    const rect = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    };
    const map = document.querySelector('[data-testid="one-map"]')!;
    const canvases = [...map.parentElement!.querySelectorAll<HTMLCanvasElement>('[data-testid^="one-map"] canvas')];
    const inCanvas = (canvas: HTMLCanvasElement) => {
      const { width, height } = canvas;
      const px = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
      // Where an incident's colour is (anti-aliased edges aside): its pin, and the 3 px border of its label.
      const drawn = (hex: string) => {
        const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        const hit = (x: number, y: number) => {
          const i = (y * width + x) * 4;
          return Math.abs(px[i]! - want[0]!) <= 6 && Math.abs(px[i + 1]! - want[1]!) <= 6 && Math.abs(px[i + 2]! - want[2]!) <= 6 && px[i + 3]! > 240;
        };
        let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
        for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (hit(x, y)) {
          left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
        }
        if (!Number.isFinite(left)) return null;
        // A label's side is a vertical stroke; a label cut by the canvas edge has none on that side.
        const column = (x: number) => { let n = 0; for (let y = top; y <= bottom; y++) if (hit(x, y)) n++; return n; };
        return { left, right, top, bottom, leftStroke: column(left), rightStroke: column(right), width, height };
      };
      return { rect: rect(canvas)!, colours: hexes.map(drawn) };
    };
    const overlay = map.parentElement!.querySelector('.overlay [data-testid="forward-posts"]');
    return {
      canvases: canvases.map(inCanvas),
      panel: rect(map.closest('.panel-body'))!,
      legend: rect(document.querySelector('[data-testid="map-legend"]')),
      clocks: rect(overlay),
    };
  }, colours);
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

const FOCUSES: [string, ViewRef][] = [
  ['city', { kind: 'city' }],
  ['district', { kind: 'district', district: DISTRICT }],
  ['incident', { kind: 'incident', incidentId: WEST_INCIDENT }],
];
const SCREENS = [['zh-3840x2160', 3840, 2160, ''], ['en-3840x2160', 3840, 2160, '?lang=en'], ['zh-7680x2160', 7680, 2160, ''], ['en-7680x2160', 7680, 2160, '?lang=en']] as const;

describe('the one-map at every focus', () => {
  for (const [focus, view] of FOCUSES) {
    it(`keeps the ${focus} inside the map's box, clear of the legend and the clocks, and the western incident's label whole`, async () => {
      const f = await issue(server, server.tokens.commander, { kind: 'wall.focus', view }, { reason: 'map clip e2e' });
      expect([201, 409]).toContain(f.status);
      for (const [name, w, h, search] of SCREENS) {
        const page = await openWall(w, h, search);
        const m = await measure(page, [SEVERITY_COLOUR, EAST_COLOUR]);
        await page.screenshot({ path: join(artifactsDir, `map-clip-${focus}-${name}.png`) });
        const at = `${focus} ${name}`;
        // A canvas is where ECharts can draw: each inside the map's panel, off the legend and the clocks.
        expect(m.canvases.length, at).toBeGreaterThan(0);
        expect(m.legend, at).not.toBeNull();
        for (const { rect: canvas } of m.canvases) {
          expect(canvas.left, at).toBeGreaterThanOrEqual(m.panel.left - 1);
          expect(canvas.right, at).toBeLessThanOrEqual(m.panel.right + 1);
          expect(canvas.top, at).toBeGreaterThanOrEqual(m.panel.top - 1);
          expect(canvas.bottom, at).toBeLessThanOrEqual(m.panel.bottom + 1);
          expect(overlaps(canvas, m.legend!), `${at}: map ${JSON.stringify(canvas)} under the legend ${JSON.stringify(m.legend)}`).toBe(false);
          if (m.clocks) expect(overlaps(canvas, m.clocks), `${at}: map ${JSON.stringify(canvas)} under the clocks ${JSON.stringify(m.clocks)}`).toBe(false);
        }
        // The incident's pin and label: drawn (on one canvas), off every edge of it, the label with both its sides.
        const [c, east] = [0, 1].map((i) => m.canvases.map((k) => k.colours[i]).find((d) => d !== null) ?? null);
        expect(c, `${at}: the incident is not drawn`).toBeTruthy();
        expect(c!.left, at).toBeGreaterThan(0);
        expect(c!.top, at).toBeGreaterThan(0);
        expect(c!.right, at).toBeLessThan(c!.width - 1);
        expect(c!.bottom, at).toBeLessThan(c!.height - 1);
        expect(c!.right - c!.left, `${at}: the label is wider than its pin`).toBeGreaterThan(200);
        expect(c!.leftStroke, `${at}: the label's left side`).toBeGreaterThanOrEqual(20);
        expect(c!.rightStroke, `${at}: the label's right side`).toBeGreaterThanOrEqual(20);
        // The eastern incident: with its label on the city; out of view, label and all, on Haicang and the western incident.
        if (focus === 'city') expect(east!.right - east!.left, `${at}: the eastern incident's label`).toBeGreaterThan(200);
        else expect(east, `${at}: the eastern incident (out of view) or its label drawn`).toBeNull();
        await page.close();
      }
    });
  }
});
