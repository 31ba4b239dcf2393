import { describe, expect, it } from 'vitest';
import { emptyLiveState, xiamen } from '@beacon/shared';
import { messages } from '../../i18n/messages.ts';
import { fontPx, gradeColour, palette } from '../../charts/theme.ts';
import { rainState, T0 } from '../../testing/rain-state.ts';
import { rainTrendOptions, rainTrendView, sameStationReadings, trendAxisMax, type TrendInput } from './rainTrendOptions.ts';

const H = 3600_000;
const M5 = 5 * 60_000;

function input(over: Partial<TrendInput>): TrendInput {
  return { state: emptyLiveState(), region: xiamen, stationId: 'SM01', now: T0, locale: 'zh-CN', t: messages['zh-CN'], feed: 'live', ...over };
}

describe('rainTrendView', () => {
  it('keeps only points within the 24 hours up to now', () => {
    // 30 hours of readings every 5 minutes, the last at T0.
    const readings = Array.from({ length: 30 * 12 }, (_, i) => ({ stationId: 'SM01', mm: (i % 40) + 1, at: T0 - (30 * 12 - 1 - i) * M5 }));
    const v = rainTrendView(input({ state: rainState(readings), now: T0 + 60_000 }));
    expect(v.points.length).toBeGreaterThan(280);
    expect(v.points.every(([t]) => t >= v.from && t <= v.to)).toBe(true);
    expect(v.to - v.from).toBe(24 * H);
    const times = v.points.map(([t]) => t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("draws a reading stamped a few seconds after the screen's clock, the axis running to it", () => {
    // The latest value above the chart is this reading: the chart must not say "no data" beside it.
    const s = rainState([{ stationId: 'SM01', mm: 88.8, at: T0 + 3_000 }]);
    const v = rainTrendView(input({ state: s, now: T0 }));
    expect(v.latestText).toBe('88.8');
    expect(v.points).toEqual([[T0 + 3_000, 88.8]]);
    expect(v.to).toBe(T0 + 3_000);
    expect(v.from).toBe(T0 - 24 * H);
  });

  it('breaks the line where readings are missing instead of bridging the gap', () => {
    const s = rainState([
      { stationId: 'SM01', mm: 10, at: T0 - 2 * H },
      { stationId: 'SM01', mm: 12, at: T0 - 2 * H + M5 },
      { stationId: 'SM01', mm: 30, at: T0 },
    ]);
    const v = rainTrendView(input({ state: s, now: T0 }));
    expect(v.points.map(([, mm]) => mm)).toEqual([10, 12, null, 30]);
  });

  it('names the station, shows its latest value and colours by its grade', () => {
    const s = rainState([{ stationId: 'SM01', mm: 51, at: T0 - 2 * 60_000 }]);
    const v = rainTrendView(input({ state: s, now: T0 }));
    expect(v).toMatchObject({ stationId: 'SM01', name: '鼓浪屿', district: '思明区', latestText: '51.0', colour: gradeColour.red, ageText: '数据 2 分钟前' });
  });

  it('greys the line when the feed is silent', () => {
    const s = rainState([{ stationId: 'SM01', mm: 51, at: T0 }]);
    expect(rainTrendView(input({ state: s, feed: 'silent' })).colour).toBe(palette.noData);
  });

  it('is empty for a station without data, or with no station', () => {
    expect(rainTrendView(input({})).points).toEqual([]);
    expect(rainTrendView(input({ stationId: null })).stationId).toBeNull();
  });
});

describe('rainTrendOptions', () => {
  it('shows dots while a station has only a few readings, a plain line once it has more', () => {
    const series = (points: number) => {
      const s = rainState(Array.from({ length: points }, (_, i) => ({ stationId: 'SM01', mm: 5, at: T0 - i * M5 })));
      return (rainTrendOptions(rainTrendView(input({ state: s }))).series as { showSymbol: boolean }[])[0]!;
    };
    expect(series(1).showSymbol).toBe(true);
    expect(series(3).showSymbol).toBe(true);
    expect(series(12).showSymbol).toBe(false);
  });

  it('draws threshold lines only below the axis top, in grade colours', () => {
    const s = rainState([{ stationId: 'SM01', mm: 20, at: T0 }]);
    const opt = rainTrendOptions(rainTrendView(input({ state: s })));
    const series = (opt.series as { markLine: { data: { yAxis: number; lineStyle: { color: string } }[] } }[])[0]!;
    expect(series.markLine.data.map((d) => d.yAxis)).toEqual([8, 16]);
    expect(series.markLine.data[1]!.lineStyle.color).toBe(gradeColour.yellow);
  });

  it('puts each threshold label right of the plot, clear of a newest reading\'s dot on the edge, and inside the margin', () => {
    // The newest reading (now) is on the plot's right edge; at a threshold, its dot covered the label.
    const s = rainState([{ stationId: 'SM01', mm: 16, at: T0 }]);
    const opt = rainTrendOptions(rainTrendView(input({ state: s })));
    const series = (opt.series as { symbolSize: number; markLine: { data: { label: { position: string; distance: number; formatter: string } }[] } }[])[0]!;
    const right = (opt.grid as { right: number }).right;
    for (const { label } of series.markLine.data) {
      expect(label.position).toBe('end');
      expect(label.distance).toBeGreaterThan(series.symbolSize / 2 + 4);
      // The label (digits about 0.6 em wide) still fits in the right margin.
      expect(label.distance + label.formatter.length * fontPx.small * 0.6).toBeLessThanOrEqual(right);
    }
  });

  it('scales the axis with headroom, never below 20 mm', () => {
    expect(trendAxisMax([])).toBe(20);
    expect(trendAxisMax([[0, 5]])).toBe(20);
    expect(trendAxisMax([[0, 60], [1, null]])).toBe(70);
  });

  it('labels the time axis in Asia/Shanghai time', () => {
    const opt = rainTrendOptions(rainTrendView(input({})));
    const fmt = (opt.xAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(fmt(Date.parse('2026-09-14T00:30:00Z'))).toBe('08:30');
  });
});

describe('sameStationReadings', () => {
  const base = rainState([
    { stationId: 'SM01', mm: 10, at: T0 - M5 },
    { stationId: 'HL01', mm: 4, at: T0 - M5 },
  ]);
  it('holds while only other stations report (the chart is not redrawn for them)', () => {
    // HL01 reports again at the same time as the newest reading: SM01's trend, record and the newest time stay.
    const other = rainState([{ stationId: 'HL01', mm: 6, at: T0 - M5 + 1 }].map((r) => ({ ...r, at: T0 - M5 })), base);
    expect(other).not.toBe(base);
    expect(sameStationReadings(base, other, 'SM01')).toBe(true);
  });
  it('breaks when the station reports, or a newer reading anywhere may grey it', () => {
    expect(sameStationReadings(base, rainState([{ stationId: 'SM01', mm: 12, at: T0 }], base), 'SM01')).toBe(false);
    expect(sameStationReadings(base, rainState([{ stationId: 'HL01', mm: 6, at: T0 }], base), 'SM01')).toBe(false);
  });
  it('the view drawn from the kept state is the view of the new one', () => {
    const other = rainState([{ stationId: 'HL01', mm: 6, at: T0 - M5 }], base);
    expect(rainTrendView(input({ state: base }))).toEqual(rainTrendView(input({ state: other })));
  });
});
