import {
  categoryFeed,
  latestIn,
  layerItems,
  specsOfLayer,
  type CategoryLayerId,
  type CategoryLayerSpec,
  type LayerItem,
  type LayerTone,
  type LiveState,
  type Region,
} from '@beacon/shared';
import { gradeColour, palette } from '../../charts/theme.ts';
import { echartsSymbol, type LayerShape } from './layerShapes.ts';

/**
 * The category layers (shared/src/wall/layer-specs.ts) as the map draws them: one marker shape per
 * category, one base colour per layer group, and the wall's grade colours for how far from normal a
 * thing is. One builder for all 25 categories, not a hand-written series each.
 */
export const categoryShape: ReadonlyMap<string, LayerShape> = new Map<string, LayerShape>(Object.entries({
  'reservoir-level': 'hexagon',
  'river-level': 'circle',
  'tide-level': 'square',
  'wave-height': 'triangle-down',
  'wind-station': 'x',
  lightning: 'bolt',
  'dangerous-building': 'square',
  'manhole-alert': 'circle',
  'displacement-monitor': 'triangle-down',
  'enterprise-risk': 'hexagon',
  'early-warning-terminal': 'pentagon',
  'earthquake-report': 'star',
  'sluice-pump': 'hexagon',
  'drainage-pump': 'circle',
  'dike-patrol': 'diamond',
  'road-closure': 'bar',
  'traffic-control': 'octagon',
  'power-outage': 'bolt',
  'base-station-outage': 'triangle-down',
  'repair-crew': 'square',
  'emergency-comms-vehicle': 'pentagon',
  'hospital-beds': 'cross',
  ambulance: 'diamond',
  'police-deployment': 'shield',
  expert: 'star',
}) as [string, LayerShape][]);

/** A group's colour for things in their normal state: none of the four grade colours, so "normal" never reads as a warning. */
export const layerBaseColour: Record<CategoryLayerId, string> = {
  hydro: '#63d2ff',
  weather: '#c5e1a5',
  hazards: '#f0a6ca',
  floodworks: '#4dd0c8',
  traffic: '#ffe0b2',
  utility: '#80deea',
  medical: '#ffffff',
  responders: '#9fc9ff',
};

export function toneColour(tone: LayerTone, layer: CategoryLayerId): string {
  switch (tone) {
    case 'alarm':
      return gradeColour.red;
    case 'high':
      return gradeColour.orange;
    case 'watch':
      return gradeColour.yellow;
    case 'idle':
      return palette.textMuted;
    default:
      return layerBaseColour[layer];
  }
}

/** Alarms are drawn larger (and on top within their series): they are what the hall must see. */
const toneSize: Record<LayerTone, number> = { alarm: 40, high: 36, watch: 32, normal: 28, idle: 24 };
const toneOrder: Record<LayerTone, number> = { idle: 0, normal: 1, watch: 2, high: 3, alarm: 4 };

/** Draw order of the category groups: between the rain gauges (z 3) and the geo-hazard points (z 4). */
const CATEGORY_Z = 3.5;

/** One category's records on the map as an ECharts scatter series; a greyed category (silent feed) loses its colours. */
export function categorySeries(spec: CategoryLayerSpec, items: readonly LayerItem[], greyed: boolean) {
  const placed = items.filter((i) => i.place !== null).sort((a, b) => toneOrder[a.tone] - toneOrder[b.tone]);
  return {
    id: `layer-${spec.category}`,
    type: 'scatter' as const,
    coordinateSystem: 'geo' as const,
    geoIndex: 0,
    silent: true,
    z: CATEGORY_Z,
    symbol: echartsSymbol(categoryShape.get(spec.category) ?? 'circle'),
    data: placed.map((i) => ({
      id: i.id,
      name: i.name,
      value: i.place!,
      symbolSize: toneSize[i.tone],
      itemStyle: { color: greyed ? palette.noData : toneColour(i.tone, spec.layer), opacity: 1, borderColor: palette.stage, borderWidth: 3 },
    })),
  };
}

/** What one category contributes to its layer: the series to draw and how many things it has now (drawn or not). */
export interface CategoryLayerPart {
  category: string;
  count: number;
  series: ReturnType<typeof categorySeries>;
}

/** Whether a category's positions may no longer be true: its feed is silent, or it never sent. */
export function categoryGreyed(state: LiveState, category: string, now: number): boolean {
  const s = categoryFeed(state, category, now).status;
  return s === 'silent' || s === 'never';
}

/**
 * Builds a category's part only when its inputs change — its records (a delta replaces a category's
 * record map, and leaves the others as they were) or whether its feed is greyed — so a record of one
 * feed does not rebuild the other 24 (the wall-frames benchmark counts every long frame).
 */
export function createCategoryLayerCache(region: Region) {
  const memo = new Map<string, { records: unknown; greyed: boolean; part: CategoryLayerPart }>();
  let builds = 0;
  function partOf(state: LiveState, spec: CategoryLayerSpec, now: number): CategoryLayerPart {
    const records = latestIn(state, spec.category);
    const greyed = categoryGreyed(state, spec.category, now);
    const held = memo.get(spec.category);
    if (held && held.records === records && held.greyed === greyed) return held.part;
    builds += 1;
    const items = layerItems(state, spec, region);
    const part = { category: spec.category, count: items.length, series: categorySeries(spec, items, greyed) };
    memo.set(spec.category, { records, greyed, part });
    return part;
  }
  return {
    /** The parts of one layer group, in spec order. */
    layer: (state: LiveState, layer: CategoryLayerId, now: number) => specsOfLayer(layer).map((spec) => partOf(state, spec, now)),
    /** How many parts were built (not taken from the cache): for tests. */
    builds: () => builds,
  };
}
export type CategoryLayerCache = ReturnType<typeof createCategoryLayerCache>;
