import { describe, expect, it } from 'vitest';
import { emptyLiveState, xiamen } from '@beacon/shared';
import { messages } from '../../i18n/messages.ts';
import { gradeColour, mix, palette } from '../../charts/theme.ts';
import { rainState, T0 } from '../../testing/rain-state.ts';
import { gaugePoints, gaugeSymbolSize, rainMapLegend, rainMapOptions, regionAspectScale, type RainMapInput } from './rainMapOptions.ts';

function input(over: Partial<RainMapInput>): RainMapInput {
  return { state: emptyLiveState(), region: xiamen, locale: 'zh-CN', t: messages['zh-CN'], feed: 'live', selectedId: null, ...over };
}

type Item = { id: string; symbolSize: number; itemStyle: { color: string }; label: { show: boolean; formatter: string } };
function gaugeItems(opt: ReturnType<typeof rainMapOptions>): Item[] {
  return (opt.series as { id: string; data: Item[] }[]).find((s) => s.id === 'gauges')!.data;
}

describe('rainMapOptions', () => {
  const state = rainState([
    { stationId: 'SM01', mm: 62, at: T0 },
    { stationId: 'HL01', mm: 33, at: T0 },
    { stationId: 'JM01', mm: 18, at: T0 },
    { stationId: 'SM02', mm: 9, at: T0 },
    { stationId: 'SM03', mm: 2, at: T0 },
    { stationId: 'SM04', mm: 0, at: T0 },
  ]);

  it('shows every gauge of the region on the registered map', () => {
    const opt = rainMapOptions(input({ state }));
    expect((opt.geo as { map: string }).map).toBe('xiamen');
    expect(gaugeItems(opt)).toHaveLength(xiamen.rainGauges.length);
  });

  it('colours gauges by the grade of their 1-hour rainfall and greys those without data', () => {
    const byId = new Map(gaugeItems(rainMapOptions(input({ state }))).map((d) => [d.id, d]));
    expect(byId.get('SM01')!.itemStyle.color).toBe(gradeColour.red);
    expect(byId.get('HL01')!.itemStyle.color).toBe(gradeColour.orange);
    expect(byId.get('JM01')!.itemStyle.color).toBe(gradeColour.yellow);
    expect(byId.get('SM02')!.itemStyle.color).toBe(gradeColour.blue);
    expect(byId.get('SM03')!.itemStyle.color).toBe(gradeColour.none);
    expect(byId.get('XA01')?.itemStyle.color ?? palette.noData).toBe(palette.noData);
  });

  it('greys every gauge and drops labels when the feed is silent', () => {
    const items = gaugeItems(rainMapOptions(input({ state, feed: 'silent' })));
    expect(items.every((d) => d.itemStyle.color === palette.noData)).toBe(true);
    expect(items.some((d) => d.label.show)).toBe(false);
  });

  it('dims but keeps colours when the feed is late', () => {
    const items = gaugeItems(rainMapOptions(input({ state, feed: 'late' })));
    const sm01 = items.find((d) => d.id === 'SM01')!;
    expect(sm01.itemStyle.color).toBe(mix(gradeColour.red, palette.mapArea, 0.45));
    expect(sm01.itemStyle.color).not.toBe(palette.noData);
    expect(sm01.label.show).toBe(true);
  });

  it('grows symbols with rainfall', () => {
    expect(gaugeSymbolSize(0)).toBeLessThan(gaugeSymbolSize(10));
    expect(gaugeSymbolSize(10)).toBeLessThan(gaugeSymbolSize(50));
    expect(gaugeSymbolSize(400)).toBe(88);
    const byId = new Map(gaugeItems(rainMapOptions(input({ state }))).map((d) => [d.id, d]));
    expect(byId.get('SM01')!.symbolSize).toBeGreaterThan(byId.get('SM02')!.symbolSize);
  });

  it('labels only the wettest few, with name and value', () => {
    const labelled = gaugePoints(input({ state, labelTop: 3 })).filter((p) => p.labelled).map((p) => p.id);
    expect(labelled).toEqual(['SM01', 'HL01', 'JM01']);
    const sm01 = gaugeItems(rainMapOptions(input({ state }))).find((d) => d.id === 'SM01')!;
    expect(sm01.label.formatter).toBe('鼓浪屿 62.0');
    // A dry gauge (0 mm) is never labelled even if few gauges report.
    expect(gaugePoints(input({ state, labelTop: 10 })).find((p) => p.id === 'SM04')!.labelled).toBe(false);
  });

  it('draws wetter gauges on top', () => {
    const ids = gaugeItems(rainMapOptions(input({ state }))).map((d) => d.id);
    expect(ids.at(-1)).toBe('SM01');
    expect(ids.indexOf('HL01')).toBeGreaterThan(ids.indexOf('SM02'));
  });

  it('rings the selected gauge', () => {
    const opt = rainMapOptions(input({ state, selectedId: 'HL01' }));
    const ring = (opt.series as { id: string; data: { id: string }[] }[]).find((s) => s.id === 'selected')!;
    expect(ring.data.map((d) => d.id)).toEqual(['HL01']);
  });

  it('labels districts in the chosen language', () => {
    const fmt = (lang: 'zh-CN' | 'en') =>
      (rainMapOptions(input({ locale: lang, t: messages[lang] })).geo as { label: { formatter: (p: { name: string }) => string } }).label.formatter;
    expect(fmt('zh-CN')({ name: '湖里区' })).toBe('湖里区');
    expect(fmt('en')({ name: '湖里区' })).toBe('Huli');
  });

  it('keeps the map shape true at Xiamen latitude', () => {
    expect(regionAspectScale(xiamen)).toBeCloseTo(Math.cos((24.6 * Math.PI) / 180), 1);
  });

  it('has a legend from red down to no data', () => {
    expect(rainMapLegend(messages['zh-CN']).map((e) => e.grade)).toEqual(['red', 'orange', 'yellow', 'blue', 'none', 'noData']);
  });
});
