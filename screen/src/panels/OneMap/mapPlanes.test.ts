import { describe, expect, it } from 'vitest';
import { assessRisk, xiamen, type LiveState } from '@beacon/shared';
import { stateOf, withRecord, type TestRecord } from '@beacon/shared/wall/test-state.ts';
import { chartUpdate } from '../../charts/chartUpdate.ts';
import { createMemo } from '../../charts/memo.ts';
import { messages } from '../../i18n/messages.ts';
import { createCategoryLayerCache } from './categoryLayers.ts';
import { allLayersVisible } from './layers.ts';
import { mapFocus } from './mapFocus.ts';
import { mapPlanes } from './mapPlanes.ts';
import { oneMapOptions, type OneMapInput } from './oneMapOptions.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;
const records: TestRecord[] = [
  { category: 'incident', id: 'INC-1', observedAt: NOW - 5 * MIN, data: { title: '灌口镇山体滑坡', severity: 'II', status: 'open', lon: 117.99, lat: 24.6, district: '集美区' } },
  { category: 'rescue-team', id: 'T1', observedAt: NOW - MIN, data: { name: '思明队', status: 'standby', members: 20, lon: 118.1, lat: 24.48 } },
  { category: 'population-heat', id: 'XM', observedAt: NOW - MIN, data: { cellSizeM: 2000, cells: [[118.1, 24.5, 50_000], [118.2, 24.6, 500]] } },
  {
    category: 'typhoon-track', id: '2614', observedAt: NOW - 10 * MIN,
    data: { name: '杜鹃', lon: 118.6, lat: 24.0, maxWindMs: 46.5, pressureHpa: 947, radius7Km: 384, radius10Km: 128, radius12Km: 61, forecast: [] },
  },
  { category: 'river-level', id: 'RIV-1', observedAt: NOW - MIN, data: { name: '东西溪', levelM: 5.4, warningLevelM: 5, lon: 118.15, lat: 24.73 } },
];

function screen(state: LiveState) {
  const caches = { categoryLayers: createCategoryLayerCache(xiamen), memo: createMemo() };
  const risk = assessRisk(state, xiamen, NOW);
  return (over: Partial<OneMapInput> = {}) =>
    mapPlanes(
      oneMapOptions({ state, region: xiamen, now: NOW, locale: 'zh-CN', t: messages['zh-CN'], risk, visible: allLayersVisible(), box: { width: 1600, height: 1400 }, ...caches, ...over }),
      caches.memo,
    );
}

type Series = { id: string; z: number };
const seriesOf = (o: { series?: unknown }) => o.series as Series[];
type Geo = Record<string, unknown>;

describe('mapPlanes', () => {
  it('puts the districts alone on the base plane, the heat and the typhoon shapes on the heat plane, every marker layer on the live plane, none lost', () => {
    const state = stateOf(records);
    const whole = oneMapOptions({ state, region: xiamen, now: NOW, locale: 'zh-CN', t: messages['zh-CN'], risk: null, visible: allLayersVisible(), box: { width: 1600, height: 1400 } });
    const { base, heat, live } = mapPlanes(whole, createMemo());
    const heatIds = seriesOf(heat).map((s) => s.id);
    const liveIds = seriesOf(live).map((s) => s.id);
    expect(seriesOf(base)).toEqual([]);
    expect(base.geo).toBe(whole.geo);
    expect(heatIds).toContain('typhoon-shapes');
    expect(heatIds.filter((id) => id.startsWith('population-')).length).toBeGreaterThan(0);
    for (const id of ['incident', 'team', 'rain', 'typhoon-centre', 'layer-river-level']) expect(liveIds).toContain(id);
    expect([...heatIds, ...liveIds].sort()).toEqual(seriesOf(whole).map((s) => s.id).sort());
  });

  it('keeps the stacking of one chart: every heat series below every live one', () => {
    const { heat, live } = screen(stateOf(records))();
    expect(Math.max(...seriesOf(heat).map((s) => s.z))).toBeLessThan(Math.min(...seriesOf(live).map((s) => s.z)));
  });

  it('lays the heat and live planes out on the same geo (same map, box, centre and zoom), drawn by the base plane only', () => {
    const state = stateOf(records);
    const { base, heat, live } = screen(state)({ focus: mapFocus(xiamen, state, { kind: 'incident', incidentId: 'INC-1' }), box: { width: 1600, height: 1100 } });
    const layout = (g: Geo) => ({ map: g.map, center: g.center, zoom: g.zoom, aspectScale: g.aspectScale, preserveAspect: g.preserveAspect, top: g.top, bottom: g.bottom, left: g.left, right: g.right });
    for (const upper of [heat, live]) {
      expect(layout(upper.geo as Geo)).toEqual(layout(base.geo as Geo));
      expect((upper.geo as Geo).center).toBeDefined();
      expect((upper.geo as Geo).show).toBe(false);
    }
    expect((base.geo as Geo).show).not.toBe(false);
  });

  it('a new record of a marker layer updates the live plane alone; the base and heat planes are sent nothing', () => {
    const state = stateOf(records);
    const draw = screen(state);
    const first = draw();
    const after = withRecord(state, 'incident', 'INC-2', { title: '内涝', severity: 'III', status: 'open', lon: 118.1, lat: 24.5, district: '思明区' }, NOW);
    const second = draw({ state: after });
    expect(chartUpdate(first.base, second.base)).toBeNull();
    expect(chartUpdate(first.heat, second.heat)).toBeNull();
    expect(seriesOf(chartUpdate(first.live, second.live)!.option as { series?: unknown }).map((s) => s.id)).toEqual(['incident']);
  });

  it('a new population grid updates the heat plane alone: the districts are not redrawn for it', () => {
    const state = stateOf(records);
    const draw = screen(state);
    const first = draw();
    const after = withRecord(state, 'population-heat', 'XM', { cellSizeM: 2000, cells: [[118.1, 24.5, 900], [118.2, 24.6, 60_000]] }, NOW);
    const second = draw({ state: after });
    expect(chartUpdate(first.base, second.base)).toBeNull();
    expect(chartUpdate(first.live, second.live)).toBeNull();
    const changed = seriesOf(chartUpdate(first.heat, second.heat)!.option as { series?: unknown }).map((s) => s.id);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((id) => id.startsWith('population-'))).toBe(true);
  });
});
