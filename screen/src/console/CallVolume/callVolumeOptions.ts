import type { WallChartOption } from '../../charts/options.ts';
import { FONT_STACK, palette } from '../../charts/theme.ts';
import type { CallVolumeView } from '../figures.ts';

/**
 * One colour per district, in the region's district order, so a district keeps its colour from the
 * city's chart to its own. None of the hall's warning colours (red, orange, yellow, blue): a line
 * must not read as a warning level. Each keeps ≥ 4.5:1 on the panel (the test checks it).
 */
export const CALL_COLOURS = ['#5cc8ff', '#c3a6ff', '#ff8fc7', '#5fe0b5', '#e6c07b', '#d6e2ee'] as const;

/** The tablet reads the axes at arm's length: the console's smallest text size. */
export const CALL_AXIS_PX = 16;

/** A y-axis top that lands on a whole number the axis can split into four, at least 4 (an empty night still has a scale). */
export function callAxisMax(rows: CallVolumeView['rows']): number {
  const max = Math.max(0, ...rows.flatMap((r) => r.cells));
  return Math.max(4, Math.ceil(max / 4) * 4);
}

/**
 * Calls per hour by district as lines, one per district, hour columns left to right. With one
 * district (a district's own level) each hour with calls carries its count; with six, labels would collide,
 * and the legend beside the chart gives each district's total.
 */
export function callVolumeOptions(view: CallVolumeView): WallChartOption {
  const axisText = { color: palette.textMuted, fontSize: CALL_AXIS_PX, fontFamily: FONT_STACK };
  const single = view.rows.length === 1;
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK },
    grid: { left: 44, right: 20, top: single ? 30 : 14, bottom: 30 },
    xAxis: {
      type: 'category',
      data: view.columns,
      boundaryGap: false,
      axisLine: { lineStyle: { color: palette.panelBorder, width: 2 } },
      axisTick: { show: false },
      axisLabel: axisText,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: callAxisMax(view.rows),
      minInterval: 1,
      splitNumber: 4,
      axisLabel: axisText,
      splitLine: { lineStyle: { color: palette.gridLine, width: 1 } },
    },
    series: view.rows.map((r) => ({
      id: `calls-${r.district}`,
      name: r.label,
      type: 'line' as const,
      data: r.cells,
      silent: true,
      symbol: 'circle',
      symbolSize: 9,
      // The busiest district on top: its line is the one the eye should find.
      z: 2 + r.total,
      lineStyle: { color: r.colour, width: 3 },
      itemStyle: { color: r.colour },
      // A quiet hour's 0 is the axis already: only the hours with calls get their number.
      label: {
        show: single, position: 'top' as const, color: palette.text, fontSize: CALL_AXIS_PX, fontFamily: FONT_STACK,
        formatter: (p: { value?: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
      },
    })),
  };
}
