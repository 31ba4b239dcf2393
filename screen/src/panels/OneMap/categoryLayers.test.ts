import { describe, expect, it } from 'vitest';
import { CATEGORY_LAYER_SPECS, applyDelta, xiamen, type StateDelta } from '@beacon/shared';
import { stateOf, type TestRecord } from '@beacon/shared/wall/test-state.ts';
import { gradeColour, palette } from '../../charts/theme.ts';
import { messages } from '../../i18n/messages.ts';
import { categoryShape, createCategoryLayerCache, layerBaseColour } from './categoryLayers.ts';
import { cssClipPath, echartsSymbol } from './layerShapes.ts';
import { allLayersVisible, LAYER_IDS, type LayerId } from './layers.ts';
import { oneMapLegend } from './oneMapLegend.ts';
import { oneMapOptions } from './oneMapOptions.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;

const records: TestRecord[] = [
  { category: 'road-closure', id: 'RC-1', observedAt: NOW - MIN, data: { road: '环岛路', status: 'closed', reason: 'wind', lon: 118.12, lat: 24.44, district: '思明区' } },
  { category: 'road-closure', id: 'RC-2', observedAt: NOW - MIN, data: { road: '成功大道', status: 'reopened', reason: 'works', lon: 118.13, lat: 24.49, district: '湖里区' } },
  { category: 'traffic-control', id: 'TC-1', observedAt: NOW - MIN, data: { location: '厦门大桥', measure: 'one-way', status: 'active', lon: 118.07, lat: 24.56, district: '集美区' } },
  { category: 'river-level', id: 'RIV-1', observedAt: NOW - MIN, data: { name: '东西溪', levelM: 5.4, warningLevelM: 5, lon: 118.15, lat: 24.73 } },
  { category: 'hospital-beds', id: 'H-1', observedAt: NOW - MIN, data: { name: '中山医院', totalBeds: 1000, freeBeds: 400, lon: 118.1, lat: 24.47 } },
  { category: 'expert', id: 'EXP-1', observedAt: NOW - MIN, data: { name: '林工', availability: 'on-call' } },
];

type Scatter = { id: string; symbol: string; data: { id: string; value: [number, number]; itemStyle: { color: string } }[] };
const categorySeriesOf = (opt: ReturnType<typeof oneMapOptions>) => (opt.series as Scatter[]).filter((s) => s.id.startsWith('layer-'));
const input = (state = stateOf(records), over: Partial<Parameters<typeof oneMapOptions>[0]> = {}) => ({
  state, region: xiamen, now: NOW, locale: 'zh-CN' as const, t: messages['zh-CN'], risk: null, visible: allLayersVisible(), box: { width: 1600, height: 1400 }, ...over,
});

describe('category layers on the one-map', () => {
  it('draw one series per category of each visible group, each record where it is, coloured by how far from normal', () => {
    const series = categorySeriesOf(oneMapOptions(input()));
    expect(series.map((s) => s.id)).toEqual(CATEGORY_LAYER_SPECS.map((s) => `layer-${s.category}`));
    const roads = series.find((s) => s.id === 'layer-road-closure')!;
    // The reopened road is off the map; the closed one is red.
    expect(roads.data.map((d) => [d.id, d.value, d.itemStyle.color])).toEqual([['RC-1', [118.12, 24.44], gradeColour.red]]);
    expect(roads.symbol).toBe(echartsSymbol('bar'));
    expect(series.find((s) => s.id === 'layer-river-level')!.data[0]!.itemStyle.color).toBe(gradeColour.orange);
    expect(series.find((s) => s.id === 'layer-hospital-beds')!.data[0]!.itemStyle.color).toBe(layerBaseColour.medical);
    // An expert has no place: counted in the legend, not drawn.
    expect(series.find((s) => s.id === 'layer-expert')!.data).toEqual([]);
  });

  it('leave out a hidden group', () => {
    const visible = { ...allLayersVisible(), traffic: false } as Record<LayerId, boolean>;
    const ids = categorySeriesOf(oneMapOptions(input(stateOf(records), { visible }))).map((s) => s.id);
    expect(ids).not.toContain('layer-road-closure');
    expect(ids).not.toContain('layer-traffic-control');
    expect(ids).toContain('layer-river-level');
  });

  it('grey a category whose feed went silent, and only that one', () => {
    const state = stateOf([...records.filter((r) => r.category !== 'traffic-control'), { ...records[2]!, observedAt: NOW - 300 * MIN }]);
    const series = categorySeriesOf(oneMapOptions(input(state)));
    expect(series.find((s) => s.id === 'layer-traffic-control')!.data[0]!.itemStyle.color).toBe(palette.noData);
    expect(series.find((s) => s.id === 'layer-road-closure')!.data[0]!.itemStyle.color).toBe(gradeColour.red);
  });

  it('rebuild only the category a delta touched', () => {
    const cache = createCategoryLayerCache(xiamen);
    const before = stateOf(records);
    const first = oneMapOptions(input(before, { categoryLayers: cache }));
    const built = cache.builds();
    expect(built).toBe(CATEGORY_LAYER_SPECS.length);
    const rec = { entityId: 'RC-3', observedAt: NOW, version: 1, seq: 99, data: { road: '仙岳路', status: 'closed', reason: 'fallen-tree', lon: 118.11, lat: 24.5, district: '思明区' } };
    const delta = { fromSeq: before.seq, toSeq: 99, latest: { 'road-closure': { 'RC-3': rec } }, removed: {}, points: {}, feeds: {}, transitions: {} } as unknown as StateDelta;
    const after = applyDelta(before, delta);
    const second = oneMapOptions(input(after, { categoryLayers: cache }));
    expect(cache.builds() - built).toBe(1);
    const river = (o: typeof first) => categorySeriesOf(o).find((s) => s.id === 'layer-river-level');
    expect(river(second)).toBe(river(first));
    expect(categorySeriesOf(second).find((s) => s.id === 'layer-road-closure')!.data.map((d) => d.id)).toEqual(['RC-1', 'RC-3']);
  });
});

describe('category layers in the legend', () => {
  it('one row per group with one swatch per category, carrying what the category has on the map now', () => {
    const rows = oneMapLegend(stateOf(records), allLayersVisible(), NOW, messages['zh-CN']);
    expect(rows.map((r) => r.layer)).toEqual([...LAYER_IDS].reverse());
    const traffic = rows.find((r) => r.layer === 'traffic')!;
    expect(traffic.swatches.map((s) => [s.category, s.count])).toEqual([['road-closure', 1], ['traffic-control', 1]]);
    expect(traffic.count).toBe(2);
    expect(traffic.label).toBe('封路管制');
    const responders = rows.find((r) => r.layer === 'responders')!;
    expect(responders.swatches.map((s) => [s.category, s.count])).toEqual([['police-deployment', 0], ['expert', 1]]);
  });

  it('greys a group only when none of its feeds has sent, and each swatch by its own feed', () => {
    const rows = oneMapLegend(stateOf(records), allLayersVisible(), NOW, messages.en);
    expect(rows.find((r) => r.layer === 'utility')).toMatchObject({ tone: 'never', count: 0 });
    const responders = rows.find((r) => r.layer === 'responders')!;
    expect(responders.tone).toBe('live');
    expect(responders.swatches.map((s) => s.colour)).toEqual([palette.noData, layerBaseColour.responders]);
  });

  it('says since when the stalest feed of a group stopped', () => {
    const state = stateOf([...records, { category: 'wave-height', id: 'B1', observedAt: NOW - 300 * MIN, data: { significantWaveM: 3, lon: 118.2, lat: 24.4 } }]);
    const hydro = oneMapLegend(state, allLayersVisible(), NOW, messages['zh-CN']).find((r) => r.layer === 'hydro')!;
    expect(hydro.tone).toBe('silent');
    expect(hydro.status).toBe('03:00 起中断');
  });

  it('draws each category swatch with the same polygon as its marker', () => {
    for (const spec of CATEGORY_LAYER_SPECS) {
      const shape = categoryShape.get(spec.category);
      expect(shape, spec.category).toBeDefined();
      expect(shape === 'circle' ? cssClipPath(shape) === undefined : cssClipPath(shape!)!.startsWith('polygon(')).toBe(true);
    }
  });
});
