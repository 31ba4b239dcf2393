/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { artifactsDir } from '../support/artifacts.ts';
import { launchChromium } from '../support/browser.ts';
import { issue } from '../support/command-fixtures.ts';
import { departmentSender } from '../support/department-sender.ts';
import { signedInAs, trackCspViolations, wallUrl } from '../support/screen-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { tooSmall } from '../support/touch-size.ts';

// Issue #15: the sluices, pumping stations, dikes, dangerous buildings, manholes and ponding points near
// an incident, on the wall and on the console's incident level. Sent through the public ingest API by
// their own departments (water resources, municipal works, construction) around an incident in 翔安区
// with nine teams, so the wall's panel is as full as it gets: one of each kind there, what needs
// attention first, the rest counted; three of each on the console, which scrolls.

let database: TestDatabase;
let server: TestServer;
let browser: Browser;

const send = departmentSender(() => server, 'surroundings watch e2e');
const INCIDENT = 'INC-XA-0031';
const KINDS = ['sluices', 'pumps', 'dikes', 'dangerousBuildings', 'ponding'];

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: defaultScreenDir });
  const now = Date.now();
  const at = (m: number) => new Date(now - m * 60_000).toISOString();
  const p = (dLon: number, dLat: number) => ({ lon: 118.2 + dLon, lat: 24.65 + dLat, district: '翔安区' });
  await send('incident', [{ incidentId: INCIDENT, observedAt: at(5), kind: 'collapse', severity: 'II', status: 'open', title: '翔安区新店镇民房倒塌', ...p(0, 0) }]);
  await send('rescue-team', [
    { teamId: 'XA-ZH-01', observedAt: at(3), name: '翔安区综合应急救援大队', tier: 'comprehensive', members: 40, status: 'on-site', incidentId: INCIDENT, ...p(0, 0) },
    ...Array.from({ length: 8 }, (_, i) => ({ teamId: `XA-T-${i}`, observedAt: at(3), name: `翔安区第${i + 1}救援队`, tier: 'professional', members: 20, status: 'standby', ...p(0.003 * (i + 1), -0.002 * i) })),
  ]);
  await send('hospital-beds', [{ hospitalId: 'H-ZSYY', observedAt: at(2), name: '厦门大学附属中山医院翔安分院', totalBeds: 800, freeBeds: 35, ...p(0.005, 0.005) }]);
  await send('shelter', [{ shelterId: 'S-1', observedAt: at(2), name: '新店中学避灾点', capacity: 800, occupancy: 120, status: 'open', ...p(0.01, 0) }]);
  await send('supply-depot', [{ depotId: 'XA-DEPOT-01', observedAt: at(30), name: '翔安区物资储备库', level: 'district', ...p(0.04, -0.03) }]);
  await send('population-heat', [{ gridId: 'XM-1KM', observedAt: at(5), cellSizeM: 1000, cells: [[118.2, 24.65, 41230], [118.22, 24.66, 88000]] }]);
  await send('sluice-pump', [
    { facilityId: 'SL-XA-01', observedAt: at(4), name: '九溪出海闸', facility: 'sluice', status: 'closed', gateOpeningM: 0, ...p(0.012, -0.008) },
    { facilityId: 'SL-XA-02', observedAt: at(4), name: '东坑湾挡潮闸', facility: 'sluice', status: 'open', gateOpeningM: 1.5, ...p(-0.02, 0.01) },
    { facilityId: 'PS-XA-01', observedAt: at(4), name: '新店排洪泵站', facility: 'pump-station', status: 'running', pumpsRunning: 3, pumpsTotal: 4, ...p(0.006, 0.002) },
  ]);
  await send('drainage-pump', [{ pumpId: 'DP-XA-02', observedAt: at(4), name: '翔安大道下穿排涝泵站', pumpType: 'station', status: 'fault', pumpsRunning: 0, pumpsTotal: 4, ...p(-0.01, -0.004) }]);
  await send('dike-patrol', [
    { patrolId: 'DK-XA-03', observedAt: at(6), section: '西滨海堤 K2+300–K4+100', patrollers: 6, status: 'hazard-found', hazard: 'piping', ...p(0.02, -0.01) },
    { patrolId: 'DK-XA-04', observedAt: at(6), section: '琼头海堤', patrollers: 4, status: 'patrolling', ...p(0.03, 0.02) },
  ]);
  await send('dangerous-building', [
    { buildingId: 'DB-XA-0033', observedAt: at(10), address: '翔安区新店镇洪厝村 12 号', grade: 'D', residents: 14, evacuated: 9, ...p(0.002, 0.003) },
    { buildingId: 'DB-XA-0041', observedAt: at(10), address: '翔安区新店镇沙美村 5 号', grade: 'C', residents: 6, evacuated: 6, ...p(-0.004, 0.006) },
  ]);
  await send('manhole-alert', [
    { manholeId: 'MH-XA-10231', observedAt: at(3), alarm: 'overflow', status: 'alarm', road: '新店路', ...p(0.001, -0.002) },
    ...Array.from({ length: 4 }, (_, i) => ({ manholeId: `MH-XA-2${i}`, observedAt: at(3), alarm: 'cover-displaced', status: 'handling', road: `新店路 ${i + 2} 段`, ...p(0.0005 * i, 0.001) })),
  ]);
  await send('waterlogging-point', [{ pointId: 'WL-XA-012', observedAt: at(3), name: '翔安南路下穿通道', depthCm: 32, ...p(-0.003, -0.005) }]);
  await server.app.engine.catchUp();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

/** The rows shown per kind, as "kind: category/name" lines, and the kinds' "more" notes. */
async function watch(page: Page) {
  return page.getByTestId('surroundings-watch').evaluate((root) => ({
    kinds: [...root.querySelectorAll('.watch-kind')].map((k) => k.getAttribute('data-kind')),
    rows: [...root.querySelectorAll('[data-testid="surroundings-watch-row"]')].map((r) => `${r.getAttribute('data-category')}|${r.getAttribute('data-alarm')}`),
    more: [...root.querySelectorAll('[data-testid="surroundings-watch-more"]')].map((m) => m.textContent!.replace(/[\s·]+/g, ' ').trim()),
  }));
}

describe('flood works and weak spots around an incident (issue #15)', () => {
  it('on the wall (3840×2160, zh and en): one of each kind, what needs attention first, the rest counted, nothing cut', async () => {
    const r = await issue(server, server.tokens.commander, { kind: 'wall.focus', view: { kind: 'incident', incidentId: INCIDENT } }, { reason: 'surroundings e2e' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    for (const lang of ['zh', 'en'] as const) {
      const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
      const csp = await trackCspViolations(page);
      await page.goto(wallUrl(server, '/wall', `?lang=${lang}`));
      await page.getByTestId('surroundings-watch-row').first().waitFor({ timeout: 15_000 });
      const w = await watch(page);
      expect(w.kinds).toEqual(KINDS);
      // The faulty municipal pump before the nearer running station; the dike with piping; the building with people inside; the overflowing manhole.
      expect(w.rows).toEqual(['sluice-pump|false', 'drainage-pump|true', 'dike-patrol|true', 'dangerous-building|true', 'manhole-alert|true']);
      // Ponding: six nearby, the answer holds five (both alarms first), the wall shows one.
      expect(w.more).toEqual(lang === 'zh' ? ['另 1 处', '另 1 处', '另 1 处', '另 1 处', '另 4 处'] : ['+1 more', '+1 more', '+1 more', '+1 more', '+4 more']);
      const pump = await page.locator('[data-testid="surroundings-watch-row"][data-category="drainage-pump"]').innerText();
      expect(pump.replace(/\s+/g, ' ')).toContain(lang === 'zh' ? '翔安大道下穿排涝泵站 故障 · 市政园林 · 1.1 公里' : '翔安大道下穿排涝泵站 Fault · Municipal · 1.1 km');
      // Nothing pushed past its box's edge; the nearest teams keep at least four rows in view.
      const cut = await page.getByTestId('surroundings').evaluate((root) =>
        [...root.querySelectorAll<HTMLElement>('.chip, .chips, .watch-kinds, .block')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
      expect(cut).toEqual([]);
      const teamsInView = await page.getByTestId('surroundings-team').evaluateAll((rows) => {
        const block = rows[0]!.closest('.block')!.getBoundingClientRect();
        return rows.filter((r) => r.getBoundingClientRect().bottom <= block.bottom + 1).length;
      });
      expect(teamsInView).toBeGreaterThanOrEqual(4);
      await page.screenshot({ path: join(artifactsDir, `surroundings-watch-wall-${lang}-3840x2160.png`) });
      await page.getByTestId('surroundings').screenshot({ path: join(artifactsDir, `surroundings-watch-wall-panel-${lang}.png`) });
      expect(await csp()).toEqual([]);
      await page.close();
    }
  });

  it('on the console\'s incident level (1180×820 and 820×1180, zh and en): up to three of each kind, legible by hand', async () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const viewport of [{ width: 1180, height: 820 }, { width: 820, height: 1180 }]) {
        const page = await browser.newPage({ viewport });
        await signedInAs(page, server, 'duty');
        await page.goto(`${server.baseUrl}/console?view=${encodeURIComponent(`incident:${INCIDENT}`)}&lang=${lang}`);
        await page.getByTestId('surroundings-watch-row').first().waitFor({ timeout: 15_000 });
        const w = await watch(page);
        expect(w.kinds).toEqual(KINDS);
        expect(w.rows).toEqual([
          'sluice-pump|false', 'sluice-pump|false',
          'drainage-pump|true', 'sluice-pump|false',
          'dike-patrol|true', 'dike-patrol|false',
          'dangerous-building|true', 'dangerous-building|false',
          'manhole-alert|true', 'waterlogging-point|true', 'manhole-alert|false',
        ]);
        // The flooded underpass 600 m away comes before the manholes being handled 100 m away.
        expect(w.more).toEqual([lang === 'zh' ? '另 2 处' : '+2 more']);
        expect(await tooSmall(page)).toEqual({ targets: [], text: [] });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await page.getByTestId('surroundings-watch').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(artifactsDir, `surroundings-watch-console-${lang}-${viewport.width}x${viewport.height}.png`) });
        await page.close();
      }
    }
  });
});
