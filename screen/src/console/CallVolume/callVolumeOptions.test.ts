import { describe, expect, it } from 'vitest';
import { callVolume, emptyLiveState, xiamen, type LatestRecord } from '@beacon/shared';
import { contrastRatio, gradeColour, palette } from '../../charts/theme.ts';
import { messages } from '../../i18n/index.ts';
import { callVolumeView, type CallVolumeView } from '../figures.ts';
import { CALL_AXIS_PX, CALL_COLOURS, callAxisMax, callVolumeOptions } from './callVolumeOptions.ts';

const T0 = Date.parse('2026-09-14T00:30:00Z'); // 08:30 in Xiamen
const H = 3_600_000;

/** The city's call view with 119 calls at the given hours ago in the given districts. */
function viewWith(calls: [district: string, hoursAgo: number][], locale: 'zh-CN' | 'en' = 'zh-CN'): CallVolumeView {
  const s = emptyLiveState();
  const fire: Record<string, LatestRecord> = Object.create(null);
  calls.forEach(([district, ago], i) => {
    fire[`C${i}`] = { entityId: `C${i}`, observedAt: T0 - ago * H, version: 1, seq: i + 1, data: { district } };
  });
  s.latest['fire-call'] = fire;
  return callVolumeView(callVolume(s, xiamen, T0, 6), xiamen, locale, messages[locale]);
}

type Series = { id: string; name: string; data: number[]; label: { show: boolean; formatter: (p: { value: number }) => string }; lineStyle: { color: string }; z: number };
const seriesOf = (v: CallVolumeView) => callVolumeOptions(v).series as Series[];

describe('callVolumeOptions', () => {
  it('draws one line per district with its calls hour by hour, hours along the x-axis in hall time', () => {
    const v = viewWith([['集美区', 0], ['集美区', 0], ['集美区', 2], ['思明区', 5]]);
    const o = callVolumeOptions(v);
    expect((o.xAxis as { data: string[] }).data).toEqual(['03:00', '04:00', '05:00', '06:00', '07:00', '08:00']);
    const series = seriesOf(v);
    expect(series.map((s) => s.id)).toEqual(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区'].map((d) => `calls-${d}`));
    expect(series.find((s) => s.id === 'calls-集美区')!.data).toEqual([0, 0, 0, 1, 0, 2]);
    expect(series.find((s) => s.id === 'calls-思明区')!.data).toEqual([1, 0, 0, 0, 0, 0]);
    // The busiest district's line is drawn over the quiet ones.
    expect(series.find((s) => s.id === 'calls-集美区')!.z).toBeGreaterThan(series.find((s) => s.id === 'calls-湖里区')!.z);
  });

  it('names the lines in the screen\'s language and colours them as the legend does', () => {
    const v = viewWith([], 'en');
    const series = seriesOf(v);
    expect(series.map((s) => s.name)).toEqual(['Siming', 'Huli', 'Jimei', 'Haicang', "Tong'an", "Xiang'an"]);
    expect(series.map((s) => s.lineStyle.color)).toEqual(v.rows.map((r) => r.colour));
  });

  it('labels the hours with calls only when one district is shown (a district\'s own level)', () => {
    const v = viewWith([['思明区', 1]]);
    expect(seriesOf(v).every((s) => !s.label.show)).toBe(true);
    const one = { ...v, rows: v.rows.filter((r) => r.district === '思明区') };
    const [series] = seriesOf(one);
    expect(series!.label.show).toBe(true);
    expect(series!.data.map((value) => series!.label.formatter({ value }))).toEqual(['', '', '', '', '1', '']);
  });

  it('keeps a whole-number scale with room above the busiest hour, and a scale on an empty night', () => {
    expect(callAxisMax(viewWith([]).rows)).toBe(4);
    expect(callAxisMax(viewWith(Array.from({ length: 9 }, () => ['湖里区', 1] as [string, number])).rows)).toBe(12);
    const y = callVolumeOptions(viewWith([])).yAxis as { minInterval: number; min: number };
    expect(y).toMatchObject({ min: 0, minInterval: 1 });
  });

  it('is readable on a tablet: axis text at the console\'s 16 px, line colours clear of the panel and of the warning colours', () => {
    const x = callVolumeOptions(viewWith([])).xAxis as { axisLabel: { fontSize: number } };
    expect(x.axisLabel.fontSize).toBe(CALL_AXIS_PX);
    expect(CALL_AXIS_PX).toBeGreaterThanOrEqual(16);
    for (const c of CALL_COLOURS) {
      expect(contrastRatio(c, palette.panel), c).toBeGreaterThanOrEqual(4.5);
      expect(Object.values(gradeColour), c).not.toContain(c);
    }
    expect(new Set(CALL_COLOURS).size).toBe(xiamen.districts.features.length);
  });
});
