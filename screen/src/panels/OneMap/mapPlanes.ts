import type { Memo } from '../../charts/memo.ts';
import type { WallChartOption } from '../../charts/options.ts';

/**
 * The series drawn on the heat plane, above the districts and under every marker: the population
 * heat (z 1) and the typhoon's cone and wind circles (z 2) — large shapes that change every few seconds.
 */
export function isHeatSeries(id: string): boolean {
  return id.startsWith('population-') || id === 'typhoon-shapes';
}

/** The three charts the one-map is drawn as, bottom to top. */
export interface MapPlanes {
  /** The districts: outlines, risk colours and labels (the geo component, no series). */
  base: WallChartOption;
  /** The population heat and the typhoon's shapes, on a hidden copy of the geo. */
  heat: WallChartOption;
  /** Every marker layer, on a hidden copy of the geo. */
  live: WallChartOption;
}

/**
 * The one-map as three charts stacked in one box: the districts, the heat above them and the markers
 * on top, the upper two on a hidden copy of the same geo, so a lon/lat lands on the same pixel in all.
 *
 * Why: any setOption is a full ECharts update of its chart — it re-lays and redraws every series and
 * every district outline it holds, and repaints its whole canvas. Markers change every second under a
 * feed; the heat and the typhoon every few seconds; the districts only when a risk grade, the focus or
 * the language changes. Apart, each redraws on its own changes only: a second's new records redraw the
 * markers, a new population grid the heat — not the city's coastline too: laying the districts out
 * alone took 12–46% of each such redraw in a 60 s profile of the loaded wall, before painting them
 * (tests/bench/wall-profile.ts). Every heat series sits below every marker (z ≤ 2 against z ≥ 3.5) and
 * the geo's labels were drawn under every series anyway, so the stacking is unchanged.
 */
export function mapPlanes(option: WallChartOption, memo: Memo): MapPlanes {
  const series = (Array.isArray(option.series) ? option.series : []) as { id?: string }[];
  const { series: _, geo, ...rest } = option;
  // The same object while the geo is: the upper planes are not re-laid for a second with no change of view.
  const hidden = memo.get('hidden-geo', [geo], () => ({ ...(geo as object), show: false, regions: [], label: { show: false } }));
  const upper = (ids: (id: string) => boolean) =>
    ({ animation: option.animation, textStyle: option.textStyle, geo: hidden, series: series.filter((s) => ids(String(s.id))) }) as WallChartOption;
  return {
    base: { ...rest, geo, series: [] } as WallChartOption,
    heat: upper(isHeatSeries),
    live: upper((id) => !isHeatSeries(id)),
  };
}
