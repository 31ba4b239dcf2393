// What the one-map sends ECharts from one redraw to the next (its builders' memos and chartUpdate.ts
// together): a second with no new data sends nothing, a new record sends its own layer's series only.
import { describe, expect, it } from 'vitest';
import { assessRisk, xiamen, type LiveState } from '@beacon/shared';
import { stateOf, withRecord, type TestRecord } from '@beacon/shared/wall/test-state.ts';
import { chartUpdate } from '../../charts/chartUpdate.ts';
import { createMemo } from '../../charts/memo.ts';
import { messages } from '../../i18n/messages.ts';
import { createCategoryLayerCache } from './categoryLayers.ts';
import { allLayersVisible, type LayerId } from './layers.ts';
import { mapFocus } from './mapFocus.ts';
import { oneMapOptions, type OneMapInput } from './oneMapOptions.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;

const records: TestRecord[] = [
  { category: 'incident', id: 'INC-1', observedAt: NOW - 5 * MIN, data: { title: '灌口镇山体滑坡', severity: 'II', status: 'open', lon: 117.99, lat: 24.6, district: '集美区' } },
  { category: 'rescue-team', id: 'T1', observedAt: NOW - MIN, data: { name: '思明队', status: 'standby', members: 20, lon: 118.1, lat: 24.48 } },
  { category: 'shelter', id: 'S1', observedAt: NOW - MIN, data: { name: '避灾点', status: 'open', occupancy: 100, capacity: 600, lon: 118.09, lat: 24.44 } },
  { category: 'population-heat', id: 'XM', observedAt: NOW - MIN, data: { cellSizeM: 2000, cells: [[118.1, 24.5, 50_000], [118.2, 24.6, 500]] } },
  {
    category: 'typhoon-track', id: '2614', observedAt: NOW - 10 * MIN,
    data: { name: '杜鹃', lon: 118.6, lat: 24.0, maxWindMs: 46.5, pressureHpa: 947, radius7Km: 384, radius10Km: 128, radius12Km: 61, forecast: [] },
  },
  { category: 'rain-gauge', id: 'TA01', observedAt: NOW - MIN, data: { stationId: 'TA01', rainfall1hMm: 62 } },
  { category: 'river-level', id: 'RIV-1', observedAt: NOW - MIN, data: { name: '东西溪', levelM: 5.4, warningLevelM: 5, lon: 118.15, lat: 24.73 } },
];

/** One screen's map: the same caches on every redraw, as OneMap.vue keeps them. */
function screen(state: LiveState) {
  const caches = { categoryLayers: createCategoryLayerCache(xiamen), memo: createMemo() };
  const risk = assessRisk(state, xiamen, NOW);
  return (over: Partial<OneMapInput> = {}) =>
    oneMapOptions({ state, region: xiamen, now: NOW, locale: 'zh-CN', t: messages['zh-CN'], risk, visible: allLayersVisible(), box: { width: 1600, height: 1400 }, ...caches, ...over });
}

const ids = (series: unknown) => (series as { id: string }[]).map((s) => s.id);

describe('one-map redraws', () => {
  it('a redraw with nothing new (the clock ticked) returns every layer and the geo as the same objects, and sends nothing', () => {
    const state = stateOf(records);
    const draw = screen(state);
    const first = draw();
    const second = draw({ now: NOW + 1000 });
    expect(second.geo).toBe(first.geo);
    (second.series as object[]).forEach((s, i) => expect(s).toBe((first.series as object[])[i]));
    expect(chartUpdate(first, second)).toBeNull();
  });

  it('a new incident sends the incident layer alone, in a plain merge', () => {
    const state = stateOf(records);
    const draw = screen(state);
    const first = draw();
    const second = draw({ state: withRecord(state, 'incident', 'INC-2', { title: '内涝', severity: 'III', status: 'open', lon: 118.1, lat: 24.5, district: '思明区' }, NOW) });
    const update = chartUpdate(first, second)!;
    expect(update.opts).toEqual({});
    expect(ids(update.option.series)).toEqual(['incident']);
    expect(Object.keys(update.option)).toEqual(['series']);
  });

  it('a new population grid sends the heat series alone', () => {
    const state = stateOf(records);
    const draw = screen(state);
    const first = draw();
    const second = draw({ state: withRecord(state, 'population-heat', 'XM', { cellSizeM: 2000, cells: [[118.1, 24.5, 60_000]] }, NOW) });
    const sent = ids(chartUpdate(first, second)!.option.series);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((id) => id.startsWith('population-'))).toBe(true);
  });

  it('a dispatch command redraws the teams (their status follows it), nothing else', () => {
    const state = stateOf(records);
    const draw = screen(state);
    const first = draw();
    const dispatched = { ...state, command: { ...state.command, dispatches: { T1: { at: NOW, by: 'wang', commandId: 'c1', incidentId: 'INC-1' } } } } as unknown as LiveState;
    expect(ids(chartUpdate(first, draw({ state: dispatched }))!.option.series)).toEqual(['team']);
  });

  it('a layer switched off leaves the chart: the series list is replaced', () => {
    const draw = screen(stateOf(records));
    const first = draw();
    const visible = { ...allLayersVisible(), shelter: false } as Record<LayerId, boolean>;
    const update = chartUpdate(first, draw({ visible }))!;
    expect(update.opts).toEqual({ replaceMerge: ['series'] });
    expect(ids(update.option.series)).not.toContain('shelter');
    expect(ids(update.option.series)).toEqual(ids(first.series).filter((id) => id !== 'shelter'));
  });

  it('a new language replaces the geo (its district labels) and sends the gauges (their names), not the other layers', () => {
    const draw = screen(stateOf(records));
    const first = draw();
    const update = chartUpdate(first, draw({ locale: 'en', t: messages.en }))!;
    expect(update.opts).toEqual({ replaceMerge: ['geo'] });
    expect(ids(update.option.series)).toEqual(['rain']);
    expect((update.option.geo as { label: { formatter: (p: { name: string }) => string } }).label.formatter({ name: '集美区' })).toMatch(/^Jimei/);
  });

  it('a focus on an incident replaces the geo and adds the rings; leaving it takes both away', () => {
    const state = stateOf(records);
    const draw = screen(state);
    const city = draw();
    const focused = draw({ focus: mapFocus(xiamen, state, { kind: 'incident', incidentId: 'INC-1' }) });
    const there = chartUpdate(city, focused)!;
    expect(there.opts).toEqual({ replaceMerge: ['geo', 'series'] });
    expect(ids(there.option.series)).toContain('focus-rings');
    const back = chartUpdate(focused, draw({ focus: null }))!;
    expect(back.opts).toEqual({ replaceMerge: ['geo', 'series'] });
    expect(ids(back.option.series)).not.toContain('focus-rings');
    expect(back.option.geo).not.toHaveProperty('center');
  });
});
