import type { Memo } from '../../charts/memo.ts';
import type { WallChartOption } from '../../charts/options.ts';

/**
 * The series drawn on the base plane, under everything else: the population heat (z 1) and the
 * typhoon's cone and wind circles (z 2) — large shapes that change every few seconds at most.
 */
export function isBaseSeries(id: string): boolean {
  return id.startsWith('population-') || id === 'typhoon-shapes';
}

/**
 * The one-map as two charts stacked in one box: the base plane (the districts, their risk colours and
 * labels, the population heat, the typhoon's shapes) and the live plane above it (every marker layer,
 * on a hidden copy of the same geo, so a lon/lat lands on the same pixel in both).
 *
 * Why: any setOption is a full ECharts update of its chart — it re-lays and redraws every district
 * outline and every series, and repaints the whole canvas. Markers change every second under a feed;
 * the districts and the heat do not. Apart, a second's new records redraw the markers' plane only.
 * Every base series sits below every live one (z ≤ 2 against z ≥ 3.5), so the stacking is unchanged.
 */
export function mapPlanes(option: WallChartOption, memo: Memo): { base: WallChartOption; live: WallChartOption } {
  const series = (Array.isArray(option.series) ? option.series : []) as { id?: string }[];
  const { series: _, geo, ...rest } = option;
  // The same object while the geo is: the live plane is not re-laid for a second with no change of view.
  const hidden = memo.get('live-geo', [geo], () => ({ ...(geo as object), show: false, regions: [], label: { show: false } }));
  return {
    base: { ...rest, geo, series: series.filter((s) => isBaseSeries(String(s.id))) } as WallChartOption,
    live: { animation: option.animation, textStyle: option.textStyle, geo: hidden, series: series.filter((s) => !isBaseSeries(String(s.id))) } as WallChartOption,
  };
}
