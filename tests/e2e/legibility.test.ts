/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { generateRecords, generatedCategories } from '@beacon/simulator';
import { categories, departmentIds, type Command, type DepartmentId } from '@beacon/shared';
import { artifactsDir } from '../support/artifacts.ts';
import { issue } from '../support/command-fixtures.ts';
import { trackCspViolations, wallUrl } from '../support/screen-session.ts';
import { launchChromium } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// The command hall reads the wall from 10 m: at native 3840×2160 no visible text may be smaller than
// 28 px or below 4.5:1 against what is behind it. This measures every DOM text node of a full wall
// (all 56 categories at the storm's landfall). Canvas text (ECharts) is checked in the option builders'
// unit tests instead (panels/OneMap/oneMapOptions.test.ts, charts/canvasFonts.test.ts).

const MIN_FONT_PX = 28;
const MIN_CONTRAST = 4.5;

let database: TestDatabase;
let server: TestServer;
let browser: Browser;
/** Each opened wall's CSP violations, checked before its page closes. */
const cspChecks: (() => Promise<string[]>)[] = [];

/** Every category's records at landfall, sent the way each department sends them: its own key, the public API. */
async function feedAllDepartments() {
  const keys = new Map<DepartmentId, string>();
  for (const d of departmentIds) keys.set(d, (await createDepartmentKey(server.db.sql, d, 'legibility')).key);
  const nowIso = new Date().toISOString();
  for (const category of generatedCategories) {
    const records = generateRecords(category, 0.5, nowIso);
    if (records.length === 0) continue;
    const department = categories.get(category)!.department;
    const res = await fetch(`${server.baseUrl}/api/v1/ingest/${category}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(department)}` },
      body: JSON.stringify({ records }),
    });
    expect(res.status, `${category}: ${await res.clone().text()}`).toBe(200);
  }
}

/** A command as the commander's console sends it. */
async function command(c: Command) {
  const r = await issue(server, server.tokens.commander, c, { reason: 'legibility check' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir });
  await feedAllDepartments();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

interface TextProblem {
  text: string;
  fontPx: number;
  contrast: number;
  colour: string;
  background: string;
}

/**
 * In the page: every visible text node, its rendered font size (computed size × the stage's scale)
 * and its contrast against the effective background (ancestors' background colours composited,
 * down to the first opaque one).
 */
async function measureText(page: Page): Promise<{ scale: number; count: number; defenceCount: number; problems: TextProblem[] }> {
  return page.evaluate(
    ({ minFont, minContrast }) => {
      type RGBA = [number, number, number, number];
      const parse = (c: string): RGBA => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) return [0, 0, 0, 0];
        const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
        return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
      };
      const over = (top: RGBA, under: RGBA): RGBA => {
        const a = top[3] + under[3] * (1 - top[3]);
        if (a === 0) return [0, 0, 0, 0];
        const ch = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
        return [ch(0), ch(1), ch(2), a];
      };
      const lum = (c: RGBA) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
      };
      const ratio = (a: RGBA, b: RGBA) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
        return (hi + 0.05) / (lo + 0.05);
      };
      /** Background behind an element: its own and its ancestors' colours, composited over black (the letterbox). */
      const backgroundOf = (el: Element): RGBA => {
        const layers: RGBA[] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = parse(getComputedStyle(e).backgroundColor);
          if (bg[3] > 0) layers.push(bg);
          if (bg[3] >= 1) break;
        }
        let acc: RGBA = [0, 0, 0, 1];
        for (const l of layers.reverse()) acc = over(l, acc);
        return acc;
      };
      const stage = document.querySelector('.stage') as HTMLElement;
      const scale = stage.getBoundingClientRect().width / stage.offsetWidth;
      const root = document.querySelector('[data-testid="wall"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const problems: TextProblem[] = [];
      let count = 0;
      /** Text nodes measured inside the typhoon-defence panel: proof that it was covered. */
      let defenceCount = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim();
        const el = n.parentElement;
        if (!text || !el) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const rect = range.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Not visible: no box, hidden, or clipped away by an overflow-hidden ancestor.
        if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
        if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= innerHeight || rect.left >= innerWidth) continue;
        count += 1;
        if (el.closest('[data-testid="defence"]')) defenceCount += 1;
        const fontPx = Number.parseFloat(style.fontSize) * scale;
        const fg = parse(style.color);
        const bg = backgroundOf(el);
        const contrast = ratio(over(fg, bg), bg);
        if (fontPx < minFont * scale - 0.01 || contrast < minContrast) {
          problems.push({ text: text.slice(0, 40), fontPx: Math.round(fontPx * 10) / 10, contrast: Math.round(contrast * 100) / 100, colour: style.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})` });
        }
      }
      return { scale, count, defenceCount, problems };
    },
    { minFont: MIN_FONT_PX, minContrast: MIN_CONTRAST },
  );
}

async function openWall(search: string, viewport = { width: 3840, height: 2160 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const violations = await trackCspViolations(page);
  cspChecks.push(violations);
  await page.goto(wallUrl(server, '/wall', search));
  // The full wall has arrived once every department tile has left "never".
  // Incidents have arrived: listed, or (while a forward post runs on a 16:9 wall) named by its card.
  await page.locator('[data-testid="incident-row"], [data-testid="forward-post"]').first().waitFor();
  await expect.poll(() => page.locator('[data-testid="feed-tile"][data-status="never"]').count(), { timeout: 15_000 }).toBe(0);
  await page.waitForTimeout(1500); // risk is assessed once a second; let the map draw
  return page;
}

describe('the wall at 3840×2160 is legible from 10 m', () => {
  it.each([
    ['zh-CN', ''],
    ['en', '?lang=en'],
  ])('every visible text is ≥ 28 px and ≥ 4.5:1 (%s)', async (locale, search) => {
    const page = await openWall(search);
    expect(await page.getByTestId('feed-tile').count()).toBe(17);
    expect(await page.getByTestId('response-level').getAttribute('data-level')).toBe('none');
    const { scale, count, defenceCount, problems } = await measureText(page);
    expect(scale).toBe(1);
    // A full wall has hundreds of text nodes; a handful would mean the panels did not render.
    expect(count).toBeGreaterThan(150);
    // The defence panel's 15 rows, every one with data (label, reading, source at least), were measured.
    expect(await page.locator('[data-testid="defence-figure"]:not([data-entities="0"])').count()).toBe(15);
    expect(defenceCount).toBeGreaterThanOrEqual(45);
    expect(problems).toEqual([]);
    // Every department's name whole on its tile (in English "Construction" was cut to "Constru").
    const cutNames = await page.$$eval('[data-testid="feed-tile"] .name', (names) =>
      names.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent));
    expect(cutNames).toEqual([]);
    await page.screenshot({ path: join(artifactsDir, `wall-legibility-${locale}-3840x2160.png`) });
    await page.close();
  });

  it('every view the console can put on the wall, with a response level and a forward post, is legible too', async () => {
    const incident = Object.values(server.app.engine.state.latest.incident ?? {}).find((r) => r.data.status !== 'closed')!;
    const district = String(incident.data.district);
    const post = `FP-${incident.entityId}`.slice(0, 60);
    await command({ kind: 'response.set', level: 'II' });
    await command({ kind: 'post.order', postId: post, incidentId: incident.entityId });
    await command({ kind: 'post.milestone', postId: post, milestone: 'on-site' });
    const page = await openWall('');
    for (const [name, view, key] of [
      ['district', { kind: 'district', district }, `district:${district}`],
      ['incident', { kind: 'incident', incidentId: incident.entityId }, `incident:${incident.entityId}`],
      ['city', { kind: 'city' }, 'city'],
    ] as const) {
      await command({ kind: 'wall.focus', view });
      await expect.poll(() => page.getByTestId('wall').getAttribute('data-focus'), { timeout: 10_000 }).toBe(key);
      if (name === 'incident') await page.getByTestId('surroundings').waitFor();
      await page.waitForTimeout(1200);
      expect(await page.getByTestId('response-level').getAttribute('data-level')).toBe('II');
      expect(await page.getByTestId('forward-posts').count()).toBe(1);
      // At an incident on a 16:9 wall the surroundings need the room; elsewhere the defence panel stays.
      expect(await page.getByTestId('defence').count(), name).toBe(name === 'incident' ? 0 : 1);
      const { problems } = await measureText(page);
      expect(problems, name).toEqual([]);
      await page.screenshot({ path: join(artifactsDir, `wall-focus-${name}-3840x2160.png`) });
    }
    // The screens run under the server's strict CSP (no inline script or style): nothing was blocked.
    expect(await cspChecks.at(-1)!()).toEqual([]);
    await page.close();
  });

  it('a 32:9 wall (7680×2160) gets its own wide layout at scale 1, legible in every view', async () => {
    const page = await openWall('', { width: 7680, height: 2160 });
    expect(await page.locator('.stage').getAttribute('data-wide')).toBe('true');
    const incident = Object.values(server.app.engine.state.latest.incident ?? {}).find((r) => r.data.status !== 'closed')!;
    for (const [name, view, key] of [
      ['city', { kind: 'city' }, 'city'],
      ['incident', { kind: 'incident', incidentId: incident.entityId }, `incident:${incident.entityId}`],
    ] as const) {
      await command({ kind: 'wall.focus', view });
      await expect.poll(() => page.getByTestId('wall').getAttribute('data-focus'), { timeout: 10_000 }).toBe(key);
      await page.waitForTimeout(1200);
      const { scale, defenceCount, problems } = await measureText(page);
      expect(scale).toBe(1);
      expect(defenceCount, name).toBeGreaterThanOrEqual(45);
      expect(problems, name).toEqual([]);
      await page.screenshot({ path: join(artifactsDir, `wall-wide-${name}-7680x2160.png`) });
    }
    await command({ kind: 'wall.focus', view: { kind: 'city' } });
    await page.close();
  });

  it('the measurement catches small and faint text (so a pass means something)', async () => {
    const page = await openWall('');
    await page.evaluate(() => {
      const title = document.querySelector('[data-testid="wall"] h1') as HTMLElement;
      title.style.fontSize = '20px';
      const clock = document.querySelector('[data-testid="wall-clock"] .clock-time') as HTMLElement;
      clock.style.color = '#1a2a3a';
    });
    const { problems } = await measureText(page);
    expect(problems.map((p) => p.fontPx < MIN_FONT_PX || p.contrast < MIN_CONTRAST)).not.toHaveLength(0);
    expect(problems.some((p) => p.fontPx === 20)).toBe(true);
    expect(problems.some((p) => p.contrast < MIN_CONTRAST && p.colour === 'rgb(26, 42, 58)')).toBe(true);
    await page.close();
  });
});
