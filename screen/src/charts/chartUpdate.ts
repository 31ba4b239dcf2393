import type { WallChartOption } from './options.ts';

/** What to hand `chart.setOption`: the option and how to merge it. */
export interface ChartUpdate {
  option: WallChartOption;
  opts: { notMerge?: boolean; replaceMerge?: string[] };
}

type Series = { id?: unknown };
const seriesOf = (o: WallChartOption): Series[] => (Array.isArray(o.series) ? o.series : o.series ? [o.series] : []) as Series[];

/**
 * The smallest `setOption` that takes a chart from the option it shows to the next one, or null when
 * nothing changed. Builders keep an unchanged part as the same object (per-layer memos), so "changed"
 * is a reference test: a second's data on the one-map touches a few of its dozens of series, and
 * handing ECharts the whole option made it merge (deep-clone) every series' data again.
 *
 * - Series are matched by id. While the set of ids stays the same, only the changed series are sent, in
 *   a plain merge. When a series comes or goes (a layer switched off, the focus rings), the whole list
 *   goes with `replaceMerge: ['series']`, so the gone one leaves the chart.
 * - Any other component (geo, axes, grid, text style) is sent when its object changed; geo with
 *   `replaceMerge: ['geo']`, so a centre or zoom that no longer applies does not linger from the merge.
 * - A component the chart has that the next option lacks: the whole option, not merged.
 */
export function chartUpdate(shown: WallChartOption | null, next: WallChartOption): ChartUpdate | null {
  if (!shown) return { option: next, opts: { notMerge: true } };
  const option: Record<string, unknown> = {};
  const replaceMerge: string[] = [];
  for (const key of Object.keys(shown)) {
    if (key !== 'series' && (next as Record<string, unknown>)[key] === undefined && (shown as Record<string, unknown>)[key] !== undefined) {
      return { option: next, opts: { notMerge: true } };
    }
  }
  for (const [key, value] of Object.entries(next)) {
    if (key === 'series' || value === (shown as Record<string, unknown>)[key]) continue;
    option[key] = value;
    if (key === 'geo') replaceMerge.push('geo');
  }

  const before = seriesOf(shown);
  const after = seriesOf(next);
  const sameSet = before.length === after.length && after.every((s, i) => s.id !== undefined && s.id === before[i]!.id);
  if (!sameSet) {
    option.series = after;
    replaceMerge.push('series');
  } else {
    const changed = after.filter((s, i) => s !== before[i]);
    if (changed.length > 0) option.series = changed;
  }
  if (Object.keys(option).length === 0) return null;
  return { option: option as WallChartOption, opts: replaceMerge.length > 0 ? { replaceMerge } : {} };
}
