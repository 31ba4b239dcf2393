import {
  latestRecord,
  rainfall1hThresholds,
  rainGaugeCategory,
  stationTrend,
  TREND_WINDOW_MS,
  type FeedStatus,
  type LiveState,
  type Region,
} from '@beacon/shared';
import { own } from '@beacon/shared';
import type { WallChartOption } from '../../charts/options.ts';
import { FONT_STACK, fontPx, gradeColour, palette } from '../../charts/theme.ts';
import { formatHourMinute, formatMm, localName, type Locale, type Messages } from '../../i18n/index.ts';
import { gaugeReading, newestObservation } from '../../lib/rain.ts';

/** [epoch ms, mm], or a null mm where readings are missing so the line breaks instead of bridging the gap. */
export type TrendDatum = [number, number | null];

export interface TrendView {
  stationId: string | null;
  name: string;
  district: string;
  latestText: string | null;
  colour: string;
  ageText: string | null;
  points: TrendDatum[];
  /** The x-axis window: the 24 hours up to the wall's "now". */
  from: number;
  to: number;
}

export interface TrendInput {
  state: LiveState;
  region: Region;
  stationId: string | null;
  now: number;
  locale: Locale;
  t: Messages;
  feed: FeedStatus;
}

/** More than two missing 5-minute readings in a row is a gap, not a line. */
const GAP_MS = 2 * rainGaugeCategory.expectedIntervalMs + 60_000;

export function rainTrendView({ state, region, stationId, now, locale, t, feed }: TrendInput): TrendView {
  const from = now - TREND_WINDOW_MS;
  const gauge = stationId ? region.rainGauges.find((g) => g.id === stationId) : undefined;
  const base = { stationId, from, to: now };
  if (!stationId) {
    return { ...base, name: '', district: '', latestText: null, colour: palette.noData, ageText: null, points: [] };
  }
  const reading = gaugeReading(state, stationId, feed);
  const points: TrendDatum[] = [];
  let prev: number | null = null;
  // A reading stamped a little after this screen's `now` (a department's clock or this screen's a few
  // seconds off; ingest refuses more than 5 minutes ahead) is still drawn, and the axis runs to it: it is
  // the latest value shown above the chart, and leaving it out said "no data" beside it.
  for (const p of stationTrend(state, stationId)) {
    if (p.t < from) continue;
    if (prev !== null && p.t - prev > GAP_MS) points.push([prev + 1, null]);
    points.push([p.t, p.value]);
    prev = p.t;
  }
  return {
    ...base,
    to: Math.max(now, prev ?? now),
    name: gauge ? localName(gauge.name, locale) : stationId,
    district: gauge ? localName(own(region.districtNames, gauge.district), locale, gauge.district) : '',
    latestText: reading.mm === null ? null : formatMm(reading.mm),
    colour: reading.colour,
    ageText: reading.observedAt === null ? null : t.dataAge(t.age(Math.max(0, now - reading.observedAt))),
    points,
  };
}

/**
 * Whether the trend of `stationId` would be drawn the same from `a` as from `b` (at the same moment):
 * the station's trend and newest record are the same objects (the reducer replaces only what changed),
 * and so is the newest reading of any gauge, against which a stopped gauge is greyed. The panel keeps
 * the state it drew from while this holds, so the 10 Hz deltas of other feeds do not redraw its chart.
 */
export function sameStationReadings(a: LiveState, b: LiveState, stationId: string | null): boolean {
  if (stationId === null) return true;
  return (
    stationTrend(a, stationId) === stationTrend(b, stationId) &&
    latestRecord(a, rainGaugeCategory.id, stationId) === latestRecord(b, rainGaugeCategory.id, stationId) &&
    newestObservation(a) === newestObservation(b)
  );
}

/** Up to this many readings the trend shows each as a dot. */
export const FEW_POINTS = 3;
/** The dots' size, px. */
export const SYMBOL_SIZE = 18;
/**
 * How far right of the plot a threshold's label starts, px: clear of the newest reading's dot, which
 * sits on the plot's right edge (a reading at the threshold hid its label under the dot).
 */
export const THRESHOLD_LABEL_GAP = SYMBOL_SIZE / 2 + 14;

/** A y-axis top that leaves headroom and lands on a multiple of 10. */
export function trendAxisMax(points: readonly TrendDatum[]): number {
  const max = Math.max(0, ...points.map(([, mm]) => mm ?? 0));
  return Math.max(20, Math.ceil((max * 1.15) / 10) * 10);
}

// The unit sits next to the latest value above the chart, so the axis carries none.
export function rainTrendOptions(view: TrendView): WallChartOption {
  const yMax = trendAxisMax(view.points);
  const thresholds = (['blue', 'yellow', 'orange', 'red'] as const)
    .map((grade) => ({ grade, mm: rainfall1hThresholds[grade] }))
    .filter((th) => th.mm < yMax);
  const axisText = { color: palette.textMuted, fontSize: fontPx.small, fontFamily: FONT_STACK };
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK },
    grid: { left: 110, right: 110, top: 40, bottom: 70 },
    xAxis: {
      type: 'time',
      min: view.from,
      max: view.to,
      splitNumber: 6,
      axisLine: { lineStyle: { color: palette.panelBorder, width: 2 } },
      axisLabel: { ...axisText, formatter: (value: number) => formatHourMinute(value), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: yMax,
      axisLabel: axisText,
      splitLine: { lineStyle: { color: palette.gridLine, width: 1 } },
    },
    series: [
      {
        id: 'trend',
        type: 'line',
        data: view.points,
        // A line needs two points: while a station has only a few, draw them as dots so the panel is not blank.
        showSymbol: view.points.filter(([, mm]) => mm !== null).length <= FEW_POINTS,
        symbolSize: SYMBOL_SIZE,
        connectNulls: false,
        silent: true,
        lineStyle: { color: view.colour, width: 5 },
        itemStyle: { color: view.colour },
        areaStyle: { color: view.colour, opacity: 0.16 },
        markLine: {
          silent: true,
          symbol: 'none',
          animation: false,
          data: thresholds.map((th) => ({
            yAxis: th.mm,
            lineStyle: { color: gradeColour[th.grade], type: 'dashed', width: 2, opacity: 0.9 },
            label: {
              formatter: `${th.mm}`,
              position: 'end',
              distance: THRESHOLD_LABEL_GAP,
              color: gradeColour[th.grade],
              fontSize: fontPx.small,
              fontFamily: FONT_STACK,
            },
          })),
        },
      },
    ],
  };
}
