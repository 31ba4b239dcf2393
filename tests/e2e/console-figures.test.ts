/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { generateRecords } from '@beacon/simulator';
import { xiamen, type Command } from '@beacon/shared';
import { exampleOf } from '@beacon/shared/categories/catalog/example-record.ts';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { issue } from '../support/command-fixtures.ts';
import { signedInAs, trackCspViolations, wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { departmentSender } from '../support/department-sender.ts';
import { tooSmall } from '../support/touch-size.ts';
import { placements } from './placements/console.ts';

// The console's part of issue #15: each category it places is sent as the catalog's example record
// through the public ingest API and found by its placement's selector; the district, subdistrict and
// incident levels show the defence figures, calls and reports; the surroundings name nearby hazards;
// and the fixes of item 7 are checked on the wall where they were seen.

let database: TestDatabase;
let server: TestServer;
let browser: Browser;
const cspChecks: (() => Promise<string[]>)[] = [];

/** The example incident: its id is the catalog's sample id, which the example casualty report names. */
const INCIDENT = 'XM-SAMPLE_01';

const send = departmentSender(() => server, 'console figures');

const example = (category: string) => exampleOf(categorySchemasOf(xiamen)[category]!) as Record<string, unknown>;

async function command(c: Command) {
  const r = await issue(server, server.tokens.commander, c, { reason: 'console figures e2e' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir });

  // One example record of every category the console places, plus the example incident.
  for (const category of new Set([...placements.map((p) => p.category), 'incident'])) await send(category, [example(category)]);

  // Around the example incident (118.2, 24.65), for the surroundings and the item-7 checks: two
  // hospitals whose names differ only at the end, and a team on site there.
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const spot = { lon: 118.2, lat: 24.65 };
  await send('hospital-beds', [
    { hospitalId: 'H-ZSYY', observedAt: at(2), name: '厦门大学附属中山医院翔安分院', totalBeds: 800, freeBeds: 35, lon: 118.205, lat: 24.655 },
    { hospitalId: 'H-DYYY', observedAt: at(2), name: '厦门大学附属第一医院翔安分院', totalBeds: 600, freeBeds: 12, lon: 118.21, lat: 24.66 },
  ]);
  await send('rescue-team', [{ teamId: 'XA-ZH-01', observedAt: at(3), name: '翔安区综合应急救援大队', tier: 'comprehensive', members: 40, status: 'on-site', incidentId: INCIDENT, ...spot, district: '翔安区' }]);
  await send('supply-depot', [{ depotId: 'XA-DEPOT-01', observedAt: at(30), name: '翔安区物资储备库', level: 'district', lon: 118.24, lat: 24.62, district: '翔安区' }]);
  await send('depot-stock', [
    { stockId: 'XA-DEPOT-01_assault-boat', observedAt: at(30), depotId: 'XA-DEPOT-01', item: 'assault-boat', quantity: 7, unit: '艘' },
    { stockId: 'XA-DEPOT-01_sandbag', observedAt: at(30), depotId: 'XA-DEPOT-01', item: 'sandbag', quantity: 7027, unit: '条' },
  ]);
  await send('population-heat', [{ gridId: 'XM-1KM', observedAt: at(5), cellSizeM: 1000, cells: [[118.2, 24.65, 41230], [118.22, 24.66, 88000], [118.24, 24.68, 59402]] }]);
  // Calls of the last hours elsewhere, so the calls-by-district chart has a shape to look at.
  await send('fire-call', [1, 2, 3, 4].map((i) => ({
    callId: `119-LIVE-${i}`, observedAt: at(i * 50), kind: 'flood-rescue', status: 'dispatched', address: `集美区灌口镇 ${i} 号`, lon: 118.03, lat: 24.6, district: '集美区',
  })));
  await send('informant-report', [{
    reportId: 'IR-LIVE-1', observedAt: at(20), informant: '陈某', community: '湖里区殿前街道', district: '湖里区', lon: 118.12, lat: 24.53,
    hazard: 'waterlogging', note: '路口积水约 30 厘米', status: 'new',
  }]);
  await send('rain-gauge', generateRecords('rain-gauge', 0.5, new Date(now - 60_000).toISOString()));
  await server.app.engine.catchUp();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function consolePage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  cspChecks.push(await trackCspViolations(page));
  await signedInAs(page, server, 'duty');
  return page;
}

/** Opens a console path in the given language (the URL's lang wins and is remembered). */
async function openConsole(page: Page, path: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const sep = path.includes('?') ? '&' : '?';
  await page.goto(`${server.baseUrl}${path}${sep}lang=${lang === 'en' ? 'en' : 'zh'}`);
  await expect.poll(() => page.getByTestId('console').getAttribute('data-connection'), { timeout: 15_000 }).toBe('connected');
}

describe('the console\'s placements (issue #15)', () => {
  it('finds every placed category\'s example record where the placement says', async () => {
    const page = await consolePage({ width: 1180, height: 820 });
    const missing: string[] = [];
    for (const path of new Set(placements.map((p) => p.path))) {
      await openConsole(page, path);
      for (const p of placements.filter((x) => x.path === path)) {
        const found = await page.locator(p.selector).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
        if (!found) missing.push(`${p.category} at ${p.path}: ${p.selector}`);
      }
    }
    expect(missing).toEqual([]);
    expect(await cspChecks.at(-1)!()).toEqual([]);
    await page.close();
  });

  it('finds nothing for a district that got none of the records (the selectors are not always true)', async () => {
    const page = await consolePage({ width: 1180, height: 820 });
    await openConsole(page, `/console?view=${encodeURIComponent('district:海沧区')}`);
    await page.getByTestId('area-figures').waitFor();
    const matched: string[] = [];
    for (const p of placements.filter((x) => x.category !== 'tide-level')) if (await page.locator(p.selector).count()) matched.push(p.category);
    expect(matched).toEqual([]);
    await page.close();
  });
});

describe('the console\'s drill-down', () => {
  it('district level: defence figures with department and age, calls by district, newest reports, traffic and buses', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const viewport of [{ width: 1180, height: 820 }, { width: 820, height: 1180 }]) {
        const page = await consolePage(viewport);
        await openConsole(page, `/console?view=${encodeURIComponent('district:思明区')}`, lang);
        const roads = page.locator('[data-testid="area-figure"][data-figure="roads-closed"]');
        await expect.poll(() => roads.getAttribute('data-value')).toBe('1');
        expect(await page.locator('[data-testid="area-figure"][data-figure="evacuated"]').getAttribute('data-value')).toBe('10');
        expect(await roads.textContent()).toContain(lang === 'en' ? 'Transport' : '交通运输局');
        // Each figure with a record has its 6-hour trend: the sparkline and the change in words.
        expect(await roads.getByTestId('area-figure-trend').textContent()).toMatch(lang === 'en' ? /in 6 h/ : /6 小时/);
        expect(await page.locator('[data-testid="area-figure"][data-records="0"] [data-testid="area-figure-trend"]').count()).toBe(0);
        // Calls per hour are a chart at tablet size: drawn, as wide as the card leaves it, with its legend beside.
        const chart = await page.getByTestId('call-chart').boundingBox();
        expect(chart!.width).toBeGreaterThan(viewport.width * 0.5);
        expect(await page.locator('[data-testid="call-chart"] canvas').count()).toBe(1);
        const reports = page.getByTestId('area-report');
        expect(await reports.count()).toBe(4); // 119, informant, casualty and 122: the example records of 思明区
        // A finger and an eye at arm's length: no control under 44 px, no text under 16 px; never sideways.
        expect(await tooSmall(page)).toEqual({ targets: [], text: [] });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        // The console scrolls inside itself: each card is shot where it is, plus the top of the level.
        const size = `${lang}-${viewport.width}x${viewport.height}`;
        await page.screenshot({ path: join(artifactsDir, `console-district-${size}.png`) });
        for (const card of ['area-figures', 'call-volume', 'area-reports', 'area-traffic']) {
          await page.getByTestId(card).screenshot({ path: join(artifactsDir, `console-${card}-${size}.png`) });
        }
        // English shows English units: no Chinese counting word after a figure.
        if (lang === 'en') expect(await page.getByTestId('area-figures').innerText()).not.toMatch(/\d\s*[人艘户所个台处棵座站条]/);
        await page.close();
      }
    }
  });

  it('city level: calls by district, hour by hour, as a chart', async () => {
    const page = await consolePage({ width: 1180, height: 820 });
    await openConsole(page, '/console');
    const jimei = page.locator('[data-testid="call-row"][data-district="集美区"]');
    await expect.poll(() => jimei.getAttribute('data-count'), { timeout: 10_000 }).toBe('4');
    expect(await page.locator('[data-testid="call-category"][data-category="fire-call"]').getAttribute('data-count')).toBe('4');
    // The chart is drawn: its canvas is not blank where the lines run.
    const canvas = page.locator('[data-testid="call-chart"] canvas');
    await canvas.waitFor();
    expect(await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let lit = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0) lit++;
      return lit;
    })).toBeGreaterThan(1000);
    await page.getByTestId('call-volume').screenshot({ path: join(artifactsDir, 'console-call-volume-zh-CN-1180x820.png') });
    await page.close();
  });

  it('incident level: the calls and reports that belong to it, and the hazards around it', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const viewport of [{ width: 1180, height: 820 }, { width: 820, height: 1180 }]) {
        const page = await consolePage(viewport);
        await openConsole(page, `/console?view=${encodeURIComponent(`incident:${INCIDENT}`)}`, lang);
        const reports = page.getByTestId('incident-report');
        await expect.poll(() => reports.count(), { timeout: 10_000 }).toBe(4);
        expect(await page.locator('[data-testid="incident-report"][data-category="casualty-report"]').count()).toBe(1);
        const hazards = page.getByTestId('surroundings-hazard');
        await expect.poll(() => hazards.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
        const kinds = await hazards.evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
        for (const c of ['road-closure', 'traffic-control', 'power-outage', 'base-station-outage']) expect(kinds).toContain(c);
        expect(await tooSmall(page)).toEqual({ targets: [], text: [] });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        const size = `${lang}-${viewport.width}x${viewport.height}`;
        await page.screenshot({ path: join(artifactsDir, `console-incident-${size}.png`) });
        await page.getByTestId('incident-reports').screenshot({ path: join(artifactsDir, `console-incident-reports-${size}.png`) });
        await page.getByTestId('surroundings').screenshot({ path: join(artifactsDir, `console-incident-surroundings-${size}.png`) });
        await page.close();
      }
    }
  });
});

/** The surroundings' text that a reader needs and that was cut: every name, heading and detail line, in full. */
async function cutTexts(page: Page): Promise<string[]> {
  return page.locator('[data-testid="surroundings"]').evaluate((root) => {
    const cut: string[] = [];
    // A text cut with "…" or pushed past its box's edge (a third population ring ran off the panel).
    for (const el of root.querySelectorAll<HTMLElement>('.name, h3, .meta, .ring-label, .ring-people, .chip, .rings, .chips, .block')) {
      if (el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent ?? '');
    }
    return cut;
  });
}

describe('item 7 on the wall, where it was seen', () => {
  it('at an incident (3840×2160 and 7680×2160, zh and en): names whole, headings whole, figures spaced, badges apart, posts with their age', async () => {
    await command({ kind: 'wall.focus', view: { kind: 'incident', incidentId: INCIDENT } });
    for (const viewport of [{ width: 3840, height: 2160 }, { width: 7680, height: 2160 }]) {
      for (const lang of ['zh', 'en'] as const) {
        const page = await browser.newPage({ viewport });
        cspChecks.push(await trackCspViolations(page));
        await page.goto(wallUrl(server, '/wall', `?lang=${lang}`));
        await expect.poll(() => page.getByTestId('wall').getAttribute('data-focus'), { timeout: 15_000 }).toBe(`incident:${INCIDENT}`);
        await page.getByTestId('surroundings-hospital').first().waitFor({ timeout: 15_000 });
        await page.waitForTimeout(1500); // let the map draw
        const size = `${viewport.width}x${viewport.height}`;
        await page.screenshot({ path: join(artifactsDir, `console-figures-wall-incident-${lang}-${size}.png`) });

        // Two hospitals whose names share their first 8 characters both read in full (they read "厦门大学附…").
        const names = await page.locator('[data-testid="surroundings-hospital"] .name').allTextContents();
        expect(names).toEqual(expect.arrayContaining(['厦门大学附属中山医院翔安分院', '厦门大学附属第一医院翔安分院']));
        // Nothing a reader needs is cut with an ellipsis ("半径 17.1…").
        expect(await cutTexts(page)).toEqual([]);
        // A ring's distance and its people never touch ("5 公里内188,632 人"): apart side by side, or one over the other.
        const apart = await page.getByTestId('surroundings-ring').evaluateAll((rings) => rings.map((r) => {
          const label = r.querySelector('.ring-label')!.getBoundingClientRect();
          const people = r.querySelector('.ring-people')!.getBoundingClientRect();
          return people.left - label.right >= 8 || people.top >= label.bottom;
        }));
        expect(apart).not.toContain(false);
        // On the 16:9 wall the three rings share one row (the wide wall's narrower column may take two).
        if (viewport.width === 3840) {
          const tops = await page.getByTestId('surroundings-ring').evaluateAll((rings) => rings.map((r) => Math.round(r.getBoundingClientRect().top)));
          expect(new Set(tops).size).toBe(1);
        }
        // "Sent here" and the team's status are two phrases ("Sent hereOn site").
        const team = await page.locator('[data-testid="surroundings-team"]', { hasText: '翔安区综合应急救援大队' }).locator('.meta').textContent();
        expect(team).toMatch(lang === 'en' ? /Sent here · On site/ : /已派往 · /);
        // English stock lines have no Chinese units ("7艘", "7,027条").
        if (lang === 'en') expect(await page.getByTestId('surroundings-depot').first().innerText()).not.toMatch(/[艘条件台顶]/);
        // Chinese text uses full-width punctuation: no ASCII colon between Chinese characters.
        if (lang === 'zh') expect(await page.getByTestId('surroundings').innerText()).not.toMatch(/[\u4e00-\u9fff]:/);
        // The wide wall's post column gives its data age even with no post ordered.
        if (viewport.width === 7680) expect(await page.locator('[data-testid="forward-posts"] [data-testid="panel-age"]').textContent()).toBeTruthy();
        expect(await cspChecks.at(-1)!()).toEqual([]);
        await page.close();
      }
    }
    await command({ kind: 'wall.focus', view: { kind: 'city' } });
  });
});

describe('replay\'s default window (item 7)', () => {
  it('starts where the data does, not hours before it: a first look opens on a wall with something on it', async () => {
    // A fresh installation: its log begins now. Its own server, so the other tests' records do not count.
    const db = await createTestDatabase();
    const fresh = await startTestServer(db.url, { screenDir: defaultScreenDir });
    try {
      const sentFrom = Date.now();
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${fresh.baseUrl}/api/v1/ingest/rain-gauge`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${fresh.meteorologyKey}` },
          body: JSON.stringify({ records: generateRecords('rain-gauge', 0.4, new Date(Date.now() - (2 - i) * 60_000).toISOString()) }),
        });
        expect(res.status).toBe(200);
      }
      const page = await browser.newPage({ viewport: { width: 1180, height: 820 } });
      await signedInAs(page, fresh, 'duty');
      await page.goto(`${fresh.baseUrl}/replay`);
      const root = page.getByTestId('replay');
      // The last 6 hours would start 6 hours before the first record arrived; the window starts when it did.
      await expect.poll(async () => Number(await root.getAttribute('data-from')), { timeout: 15_000 }).toBeGreaterThan(sentFrom - 60_000);
      await expect.poll(() => root.getAttribute('data-loading'), { timeout: 15_000 }).toBe('false');
      // What the new user sees before touching anything: the wall with the readings on it.
      await expect.poll(() => page.getByTestId('rain-ranking-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: join(artifactsDir, 'replay-default-window-1180x820.png') });
      await page.close();
    } finally {
      await fresh.close();
      await db.drop();
    }
  });
});
