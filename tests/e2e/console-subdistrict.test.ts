/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { departmentSender } from '../support/department-sender.ts';
import { signedInAs, trackCspViolations } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { tooSmall } from '../support/touch-size.ts';

// The console's subdistrict (街道/镇) level on the leader's tablet (1180×820): drilled into by taps, city →
// 集美区 → 灌口, it shows the figures, calls and reports, incidents and teams of 灌口 only. Records are sent
// through the public ingest API, each by its own department, to two towns of one district — 灌口 and
// 杏林 — and to 思明区, so a level that showed its district's (or the city's) records would be caught.
// The region ships town seats, not boundaries: a point belongs to the town whose seat is nearest
// (shared/src/views/locate.ts), so each record stands a few hundred metres from its town's seat.

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

const send = departmentSender(() => server, 'console subdistrict e2e');

const GUANKOU = { lon: 117.99, lat: 24.6, district: '集美区' } as const;
const XINGLIN = { lon: 118.05, lat: 24.565, district: '集美区' } as const;
const SIMING = { lon: 118.1, lat: 24.47, district: '思明区' } as const;
/** A point `k` steps (of ~200 m) north-east of a town's seat: still nearest to that seat. */
const near = (seat: { lon: number; lat: number; district: string }, k: number) => ({ lon: seat.lon + 0.002 * k, lat: seat.lat + 0.002 * k, district: seat.district });

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir });
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

  await send('incident', [
    { incidentId: 'INC-GK-01', observedAt: at(20), kind: 'landslide', severity: 'II', status: 'open', title: '灌口镇山体滑坡', ...near(GUANKOU, 1) },
    { incidentId: 'INC-XL-01', observedAt: at(20), kind: 'waterlogging', severity: 'IV', status: 'open', title: '杏林积水', ...near(XINGLIN, 1) },
    { incidentId: 'INC-SM-01', observedAt: at(20), kind: 'waterlogging', severity: 'IV', status: 'open', title: '思明积水', ...SIMING },
  ]);
  await send('road-closure', [
    { closureId: 'RC-GK-1', observedAt: at(10), road: '灌口大道 深青段', status: 'closed', reason: 'landslide', ...near(GUANKOU, 2) },
    { closureId: 'RC-XL-1', observedAt: at(10), road: '杏林湾路', status: 'closed', reason: 'waterlogging', ...near(XINGLIN, 2) },
    { closureId: 'RC-XL-2', observedAt: at(10), road: '杏锦路', status: 'restricted', reason: 'waterlogging', ...near(XINGLIN, 3) },
    { closureId: 'RC-SM-1', observedAt: at(10), road: '环岛路', status: 'closed', reason: 'wind', ...SIMING },
  ]);
  await send('power-outage', [
    { outageId: 'PO-GK-1', observedAt: at(8), feeder: '灌口变 10kV 深青I路', households: 120, status: 'out', ...near(GUANKOU, 3) },
    { outageId: 'PO-XL-1', observedAt: at(8), feeder: '杏林变 10kV 杏锦路', households: 800, status: 'out', ...near(XINGLIN, 4) },
    { outageId: 'PO-SM-1', observedAt: at(8), feeder: '厦大变 10kV 厦大I路', households: 5000, status: 'out', ...SIMING },
  ]);
  await send('fallen-tree', [
    { reportId: 'FT-GK-1', observedAt: at(6), location: '灌口镇深青村口', status: 'reported', trees: 3, blocksRoad: true, ...near(GUANKOU, 4) },
    { reportId: 'FT-XL-1', observedAt: at(6), location: '杏林公园', status: 'clearing', trees: 7, blocksRoad: false, ...near(XINGLIN, 5) },
  ]);
  await send('fire-call', [
    { callId: '119-GK-1', observedAt: at(15), kind: 'trapped', status: 'dispatched', address: '灌口镇深青村 12 号', ...near(GUANKOU, 1) },
    { callId: '119-XL-1', observedAt: at(12), kind: 'flood-rescue', status: 'on-scene', address: '杏林湾路 8 号', ...near(XINGLIN, 1) },
    { callId: '119-SM-1', observedAt: at(11), kind: 'tree', status: 'received', address: '思明南路', ...SIMING },
  ]);
  await send('informant-report', [
    { reportId: 'IR-GK-1', observedAt: at(14), informant: '陈某', community: '灌口镇深青村', hazard: 'landslide', note: '后山有裂缝，已通知村民', status: 'new', ...near(GUANKOU, 2) },
    { reportId: 'IR-XL-1', observedAt: at(13), informant: '林某', community: '杏林街道杏南社区', hazard: 'waterlogging', note: '路口积水约 30 厘米', status: 'new', ...near(XINGLIN, 2) },
  ]);
  await send('rescue-team', [
    { teamId: 'JM-GK-01', observedAt: at(5), name: '灌口应急突击队', tier: 'village', members: 12, status: 'standby', ...near(GUANKOU, 1) },
    { teamId: 'JM-XL-01', observedAt: at(5), name: '杏林专业救援队', tier: 'professional', members: 20, status: 'on-site', incidentId: 'INC-XL-01', ...near(XINGLIN, 1) },
    { teamId: 'SM-ZH-01', observedAt: at(5), name: '思明综合救援大队', tier: 'comprehensive', members: 40, status: 'standby', ...SIMING },
  ]);
  await server.app.engine.catchUp();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

const figure = (page: Page, key: string) => page.locator(`[data-testid="area-figure"][data-figure="${key}"]`);
const ids = (page: Page, testid: string, attribute: string) =>
  page.getByTestId(testid).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)).sort(), attribute);

/** The figures, incidents, reports and teams a level shows, read from the page. */
async function level(page: Page) {
  return {
    roadsClosed: await figure(page, 'roads-closed').getAttribute('data-value'),
    householdsOut: await figure(page, 'households-without-power').getAttribute('data-value'),
    fallenTrees: await figure(page, 'fallen-trees').getAttribute('data-value'),
    incidents: await ids(page, 'incident-row', 'data-incident-id'),
    reports: await ids(page, 'area-report', 'data-report-id'),
    teams: await ids(page, 'area-team', 'data-team-id'),
  };
}

/** The count on the console map's legend chip for a layer. */
const mapCount = (page: Page, layer: string) => page.locator(`[data-testid="console-map-legend"] [data-layer="${layer}"]`).getAttribute('data-count');

describe('the console\'s subdistrict level on the tablet', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`drills city → 集美区 → 灌口 by taps and shows 灌口's records only (${lang})`, async () => {
      const page = await browser.newPage({ viewport: { width: 1180, height: 820 }, hasTouch: true });
      const csp = await trackCspViolations(page);
      await signedInAs(page, server, 'duty');
      await page.goto(`${server.baseUrl}/console?lang=${lang}`);
      const consoleEl = page.getByTestId('console');
      await expect.poll(() => consoleEl.getAttribute('data-connection'), { timeout: 15_000 }).toBe('connected');

      await page.locator('[data-testid="drill-district"][data-view="district:集美区"]').tap();
      await expect.poll(() => consoleEl.getAttribute('data-view')).toBe('district:集美区');
      // The district holds both towns' records, and not 思明区's: the baseline the town level is compared with.
      await expect.poll(() => figure(page, 'roads-closed').getAttribute('data-value'), { timeout: 10_000 }).toBe('3');
      expect(await level(page)).toEqual({
        roadsClosed: '3', householdsOut: '920', fallenTrees: '10',
        incidents: ['INC-GK-01', 'INC-XL-01'],
        reports: ['119-GK-1', '119-XL-1', 'IR-GK-1', 'IR-XL-1'],
        teams: ['JM-GK-01', 'JM-XL-01'],
      });
      // The map's legend counts the district's open incidents too, not the city's three.
      await expect.poll(() => mapCount(page, 'incident'), { timeout: 10_000 }).toBe('2');

      await page.locator('[data-testid="drill-subdistrict"][data-view="subdistrict:集美区/灌口"]').tap();
      await expect.poll(() => consoleEl.getAttribute('data-view')).toBe('subdistrict:集美区/灌口');
      // The level is in the address, so a reload or a shared link opens the same town.
      expect(new URL(page.url()).searchParams.get('view')).toBe('subdistrict:集美区/灌口');
      await expect.poll(() => figure(page, 'roads-closed').getAttribute('data-value'), { timeout: 10_000 }).toBe('1');
      expect(await level(page)).toEqual({
        roadsClosed: '1', householdsOut: '120', fallenTrees: '3',
        incidents: ['INC-GK-01'],
        reports: ['119-GK-1', 'IR-GK-1'],
        teams: ['JM-GK-01'],
      });
      await expect.poll(() => mapCount(page, 'incident'), { timeout: 10_000 }).toBe('1');
      // Each figure counts its one record of 灌口, not the district's several.
      for (const key of ['roads-closed', 'households-without-power', 'fallen-trees']) expect(await figure(page, key).getAttribute('data-records')).toBe('1');
      // The trail says where the tablet is, in the chosen language.
      const trail = (await page.getByTestId('breadcrumbs').locator('li').allTextContents()).map((s) => s.trim());
      expect(trail).toEqual(lang === 'en' ? ['Whole city', 'Jimei', 'Guankou'] : ['全市', '集美区', '灌口']);

      // A finger and an eye at arm's length; never sideways.
      expect(await tooSmall(page)).toEqual({ targets: [], text: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1180);
      await page.screenshot({ path: join(artifactsDir, `console-subdistrict-${lang}-1180x820.png`) });
      for (const card of ['area-figures', 'area-reports', 'area-teams']) {
        await page.getByTestId(card).screenshot({ path: join(artifactsDir, `console-subdistrict-${card}-${lang}-1180x820.png`) });
      }
      expect(await csp()).toEqual([]);
      await page.close();
    });
  }
});
