import { describe, expect, it } from 'vitest';
import { assessRisk, xiamen } from '@beacon/shared';
import { stateOf, type TestRecord } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { palette } from '../../charts/theme.ts';
import { fontSizesIn } from '../../charts/fontSizes.ts';
import { allLayersVisible, LAYER_IDS, type LayerId } from './layers.ts';
import { oneMapLegend } from './oneMapLegend.ts';
import { MAP_PADDING, oneMapOptions, type OneMapInput } from './oneMapOptions.ts';
import { regionAspectScale } from './mapGeometry.ts';
import { riskFill, severityColour } from './mapStyle.ts';
import { typhoonShapes } from './typhoonSeries.ts';
import type { Rect } from './labelInside.ts';
import { activeTyphoons } from '@beacon/shared';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;

const records: TestRecord[] = [
  { category: 'incident', id: 'INC-1', observedAt: NOW - 5 * MIN, data: { title: '灌口镇山体滑坡', severity: 'II', status: 'open', lon: 117.99, lat: 24.6, district: '集美区' } },
  { category: 'incident', id: 'INC-2', observedAt: NOW - 2 * MIN, data: { title: '已办结', severity: 'I', status: 'closed', lon: 118.1, lat: 24.5, district: '思明区' } },
  { category: 'rescue-team', id: 'T1', observedAt: NOW - MIN, data: { name: '思明队', status: 'on-site', members: 20, lon: 118.1, lat: 24.48 } },
  { category: 'supply-depot', id: 'D1', observedAt: NOW - MIN, data: { name: '市库', level: 'city', lon: 118.16, lat: 24.5 } },
  { category: 'shelter', id: 'S1', observedAt: NOW - MIN, data: { name: '避灾点', status: 'open', occupancy: 610, capacity: 600, lon: 118.09, lat: 24.44 } },
  { category: 'geohazard-point', id: 'G1', observedAt: NOW - MIN, data: { name: '后山', riskLevel: 'high', lon: 117.99, lat: 24.6 } },
  { category: 'waterlogging-point', id: 'W1', observedAt: NOW - MIN, data: { name: '下穿', depthCm: 45, lon: 118.14, lat: 24.5 } },
  { category: 'population-heat', id: 'XM', observedAt: NOW - MIN, data: { cellSizeM: 2000, cells: [[118.1, 24.5, 50_000], [118.2, 24.6, 500]] } },
  {
    category: 'typhoon-track', id: '2614', observedAt: NOW - 10 * MIN,
    data: { name: '杜鹃', lon: 118.6, lat: 24.0, maxWindMs: 46.5, pressureHpa: 947, radius7Km: 384, radius10Km: 128, radius12Km: 61,
      forecast: [{ at: new Date(NOW + 6 * 3600_000).toISOString(), lon: 118.1, lat: 24.66 }] },
  },
  { category: 'rain-gauge', id: 'TA01', observedAt: NOW - MIN, data: { stationId: 'TA01', rainfall1hMm: 62 } },
  { category: 'weather-warning', id: 'W-RED', observedAt: NOW - MIN, data: { level: 'red', status: 'active', event: '暴雨', areas: [] } },
];

function input(over: Partial<OneMapInput> = {}): OneMapInput {
  const state = stateOf(records);
  return { state, region: xiamen, now: NOW, locale: 'zh-CN', t: messages['zh-CN'], risk: assessRisk(state, xiamen, NOW), visible: allLayersVisible(), box: { width: 1600, height: 1400 }, ...over };
}

type AnySeries = { id: string; type: string; data: { id?: string; itemStyle?: { color: string }; label?: { show: boolean; formatter: string } }[] };
const seriesOf = (opt: ReturnType<typeof oneMapOptions>) => opt.series as AnySeries[];
const byId = (opt: ReturnType<typeof oneMapOptions>, id: string) => seriesOf(opt).find((s) => s.id === id);

describe('oneMapOptions', () => {
  it('draws one series per visible layer kind', () => {
    const ids = seriesOf(oneMapOptions(input())).map((s) => s.id);
    for (const id of ['typhoon-shapes', 'typhoon-centre', 'rain', 'geohazard', 'waterlogging', 'shelter', 'depot', 'team', 'incident']) expect(ids).toContain(id);
    expect(ids.filter((id) => id.startsWith('population-')).length).toBeGreaterThan(0);
  });

  it('keeps the map true to shape in any box (a ring stays round), whatever the panel\'s proportions', () => {
    expect(oneMapOptions(input({ box: { width: 3000, height: 900 } })).geo).toMatchObject({ preserveAspect: 'contain', aspectScale: regionAspectScale(xiamen) });
  });
  it('lays the map out in the whole chart, a padding all round (the screen sizes the chart beside what floats on the map)', () => {
    const geo = oneMapOptions(input({ box: { width: 1200, height: 900 } })).geo as { top: number; bottom: number; left: number; right: number };
    expect(geo).toMatchObject({ top: MAP_PADDING, bottom: MAP_PADDING, left: MAP_PADDING, right: MAP_PADDING });
  });
  it('keeps an incident\'s label whole inside the chart, by the chart\'s own size (issue #15: cut at the left edge)', () => {
    const box = { width: 1200, height: 900 };
    const incident = byId(oneMapOptions(input({ box })), 'incident') as unknown as { labelLayout: (p: { rect: Rect; labelRect: Rect }) => { x: number; verticalAlign: string } };
    expect(typeof incident.labelLayout).toBe('function');
    // A pin at the chart's left edge, a 500 px title: centred on the pin it would start at -225.
    const leftEdge = incident.labelLayout({ rect: { x: 0, y: 400, width: 51, height: 64 }, labelRect: { x: -225, y: 300, width: 500, height: 50 } });
    expect(leftEdge.x - 250).toBeGreaterThanOrEqual(0);
    const rightEdge = incident.labelLayout({ rect: { x: box.width - 51, y: 400, width: 51, height: 64 }, labelRect: { x: 0, y: 0, width: 500, height: 50 } });
    expect(rightEdge.x + 250).toBeLessThanOrEqual(box.width);
  });
  it('leaves hidden layers out', () => {
    const visible = { ...allLayersVisible(), team: false, typhoon: false, population: false } as Record<LayerId, boolean>;
    const ids = seriesOf(oneMapOptions(input({ visible }))).map((s) => s.id);
    expect(ids).not.toContain('team');
    expect(ids).not.toContain('typhoon-shapes');
    expect(ids.some((id) => id.startsWith('population-'))).toBe(false);
  });

  it('shades districts by risk grade, and not at all with the risk layer off', () => {
    const i = input();
    const regions = (oneMapOptions(i).geo as { regions: { name: string; itemStyle: { areaColor: string } }[] }).regions;
    expect(regions).toHaveLength(6);
    for (const d of i.risk!.districts) expect(regions.find((r) => r.name === d.area.district)!.itemStyle.areaColor).toBe(riskFill(d.grade));
    // A red warning over the whole city gives every district at least a colour.
    expect(regions.every((r) => r.itemStyle.areaColor !== palette.mapArea)).toBe(true);
    const off = oneMapOptions(input({ visible: { ...allLayersVisible(), risk: false } }));
    expect((off.geo as { regions: unknown[] }).regions).toEqual([]);
  });

  it('shows open incidents only, coloured by severity, the most severe labelled', () => {
    const data = byId(oneMapOptions(input()), 'incident')!.data;
    expect(data.map((d) => d.id)).toEqual(['INC-1']);
    expect(data[0]!.itemStyle!.color).toBe(severityColour.II);
    expect(data[0]!.label).toMatchObject({ show: true, formatter: '灌口镇山体滑坡' });
  });

  it('greys a layer whose department went silent, keeping the others', () => {
    // Rescue teams expect a report every 5 min: 40 min without one is silent.
    const later = NOW + 40 * MIN;
    const state = stateOf(records.map((r) => (r.category === 'rescue-team' ? r : { ...r, observedAt: later - MIN })));
    const opt = oneMapOptions(input({ state, now: later, risk: null }));
    expect(byId(opt, 'team')!.data.every((d) => d.itemStyle!.color === palette.noData)).toBe(true);
    expect(byId(opt, 'depot')!.data.every((d) => d.itemStyle!.color !== palette.noData)).toBe(true);
  });

  it('labels districts with their risk grade in the chosen language', () => {
    const fmt = (lang: 'zh-CN' | 'en') =>
      (oneMapOptions(input({ locale: lang, t: messages[lang] })).geo as { label: { formatter: (p: { name: string }) => string } }).label.formatter;
    expect(fmt('zh-CN')({ name: '集美区' })).toMatch(/^集美区 · [红橙黄蓝]$/);
    expect(fmt('en')({ name: '集美区' })).toMatch(/^Jimei · (Red|Orange|Yellow|Blue)$/);
  });

  it('never sets a canvas font under 28 px (the DOM legibility test cannot see canvas text)', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const sizes = fontSizesIn(oneMapOptions(input({ locale: lang, t: messages[lang] })));
      expect(sizes.length).toBeGreaterThan(3);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(28);
    }
  });
});

describe('typhoon shapes', () => {
  it('draws the cone, the three wind circles and the forecast path', () => {
    const [ty] = activeTyphoons(stateOf(records), NOW);
    const shapes = typhoonShapes(ty!, false);
    expect(shapes.map((s) => s.kind)).toEqual(['polygon', 'polygon', 'polygon', 'polygon', 'polyline']);
    expect(shapes.at(-1)!.points[0]).toEqual([118.6, 24.0]);
  });
  it('leaves out circles the storm has no winds for', () => {
    const [ty] = activeTyphoons(stateOf(records), NOW);
    const shapes = typhoonShapes({ ...ty!, radiiKm: { 7: 200, 10: null, 12: null }, forecast: [] }, false);
    expect(shapes).toHaveLength(1);
  });
});

describe('oneMapLegend', () => {
  it('lists visible layers top layer first, with counts', () => {
    const rows = oneMapLegend(stateOf(records), allLayersVisible(), NOW, messages['zh-CN']);
    expect(rows.map((r) => r.layer)).toEqual([...LAYER_IDS].reverse());
    expect(rows.find((r) => r.layer === 'incident')!.count).toBe(1);
    expect(rows.find((r) => r.layer === 'risk')!.count).toBeNull();
  });
  it('counts the records each layer draws from, even the population heat that shows no count', () => {
    const rows = oneMapLegend(stateOf(records), allLayersVisible(), NOW, messages['zh-CN']);
    const population = rows.find((r) => r.layer === 'population')!;
    expect(population).toMatchObject({ count: null, records: 1 });
    expect(rows.find((r) => r.layer === 'risk')!.records).toBe(0);
    const without = oneMapLegend(stateOf(records.filter((r) => r.category !== 'population-heat')), allLayersVisible(), NOW, messages['zh-CN']);
    expect(without.find((r) => r.layer === 'population')!.records).toBe(0);
  });
  it('says since when a silent layer has been quiet, and greys its swatches', () => {
    const later = NOW + 40 * MIN;
    const rows = oneMapLegend(stateOf(records), { ...allLayersVisible() }, later, messages['zh-CN']);
    const team = rows.find((r) => r.layer === 'team')!;
    expect(team.tone).toBe('silent');
    expect(team.status).toBe('07:59 起中断');
    expect(team.swatches.every((s) => s.colour === palette.noData)).toBe(true);
  });
  it('greys a layer whose feed never sent, calling it no data rather than an outage', () => {
    const rows = oneMapLegend(stateOf(records.filter((r) => r.category !== 'typhoon-track')), allLayersVisible(), NOW, messages['zh-CN']);
    const typhoon = rows.find((r) => r.layer === 'typhoon')!;
    expect(typhoon).toMatchObject({ tone: 'never', status: '无数据' });
    expect(typhoon.swatches.every((s) => s.colour === palette.noData)).toBe(true);
  });
  it('shows only the visible layers', () => {
    const visible = Object.fromEntries(LAYER_IDS.map((l) => [l, l === 'incident'])) as Record<LayerId, boolean>;
    expect(oneMapLegend(stateOf(records), visible, NOW, messages.en).map((r) => r.label)).toEqual(['Incidents']);
  });
});
