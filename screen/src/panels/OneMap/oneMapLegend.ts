import { activeTyphoons, categoryFeed, isCategoryLayer, latestOf, specsOfLayer, type CategoryLayerId, type LiveState } from '@beacon/shared';
import { gradeColour, palette } from '../../charts/theme.ts';
import { formatHourMinute, type Messages } from '../../i18n/index.ts';
import { categoryShape, layerBaseColour } from './categoryLayers.ts';
import type { LayerShape } from './layerShapes.ts';
import { LAYER_IDS, layerCategories, type LayerId } from './layers.ts';
import { depotColour, geohazardColour, populationClasses, severityColour, teamStatusColour, typhoonStyle } from './mapStyle.ts';

export type SwatchShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'drop' | 'pin' | 'ring' | LayerShape;

/** A swatch; on a category layer it stands for one category and carries that category's count (for e2e: canvas has no DOM per marker). */
export interface LegendSwatchSpec {
  colour: string;
  shape: SwatchShape;
  category?: string;
  count?: number;
}

export interface LegendRow {
  layer: LayerId;
  label: string;
  swatches: LegendSwatchSpec[];
  /** Things on the layer now (null where a count means nothing, e.g. risk). */
  count: number | null;
  /**
   * Records in live state of the categories the layer draws, counted even where `count` is null (the
   * population heat): canvas has no DOM per marker, so the e2e tests read this to find a layer's data.
   */
  records: number;
  /** "14:05 起中断" when the layer's feed is late or silent, "无数据" if it never sent, else null. */
  status: string | null;
  /** 'never': not connected yet — greyed like silent, but not an outage, so not in alarm red. */
  tone: 'live' | 'late' | 'silent' | 'never';
}

const swatch = (shape: SwatchShape, colours: readonly string[]) => colours.map((colour) => ({ colour, shape }));

const layerSwatches: Record<Exclude<LayerId, CategoryLayerId>, LegendSwatchSpec[]> = {
  risk: swatch('square', [gradeColour.red, gradeColour.orange, gradeColour.yellow, gradeColour.blue]),
  population: swatch('square', [populationClasses[1]!.colour.replace(/[\d.]+\)$/, '0.9)'), populationClasses[3]!.colour.replace(/[\d.]+\)$/, '1)')]),
  typhoon: swatch('ring', [typhoonStyle.radius[7], typhoonStyle.radius[10], typhoonStyle.radius[12]]),
  rain: swatch('circle', [gradeColour.blue, gradeColour.yellow, gradeColour.orange, gradeColour.red]),
  geohazard: swatch('diamond', [geohazardColour.medium!, geohazardColour.high!, geohazardColour['very-high']!]),
  waterlogging: swatch('drop', ['#7fd3e6', gradeColour.orange, gradeColour.red]),
  shelter: swatch('square', [palette.live, gradeColour.yellow, gradeColour.red]),
  depot: swatch('square', [depotColour]),
  team: swatch('triangle', Object.values(teamStatusColour)),
  incident: swatch('pin', [severityColour.I!, severityColour.II!, severityColour.III!, severityColour.IV!]),
};

/** A category layer's things now, per category, as its specs count them (drawn or, without a place, only counted). */
function categoryCounts(state: LiveState, layer: CategoryLayerId): { category: string; count: number }[] {
  return specsOfLayer(layer).map((spec) => ({ category: spec.category, count: latestOf(state, spec.category).filter((r) => spec.shown(r.data)).length }));
}

function countOf(state: LiveState, layer: Exclude<LayerId, CategoryLayerId>, now: number): number | null {
  if (layer === 'risk' || layer === 'population') return null;
  if (layer === 'typhoon') return activeTyphoons(state, now).length;
  if (layer === 'incident') return latestOf(state, 'incident').filter((r) => r.data.status !== 'closed').length;
  if (layer === 'shelter') return latestOf(state, 'shelter').filter((r) => r.data.status !== 'closed').length;
  return latestOf(state, layerCategories(layer)[0]!).length;
}

const FEED_RANK = { never: 0, live: 1, late: 2, silent: 3 } as const;

/**
 * The feed that speaks for a layer: its one category's, or for a group the most stale of the
 * categories that have sent (one feed that never sent does not grey a group whose others are live).
 */
function layerFeed(state: LiveState, layer: LayerId, now: number) {
  const feeds = layerCategories(layer).map((c) => categoryFeed(state, c, now));
  if (feeds.length === 0) return null;
  return feeds.reduce((worst, f) => (FEED_RANK[f.status] > FEED_RANK[worst.status] ? f : worst));
}

const recordsOf = (state: LiveState, layer: LayerId) => layerCategories(layer).reduce((n, c) => n + latestOf(state, c).length, 0);

const GREY = (tone: LegendRow['tone']) => tone === 'silent' || tone === 'never';

/** The legend lists the visible layers only, in draw order from the top, each with its feed's staleness. */
export function oneMapLegend(state: LiveState, visible: Record<LayerId, boolean>, now: number, t: Messages): LegendRow[] {
  return [...LAYER_IDS]
    .reverse()
    .filter((l) => visible[l])
    .map((layer): LegendRow => {
      const feed = layerFeed(state, layer, now);
      let status: string | null = null;
      let tone: LegendRow['tone'] = 'live';
      if (feed && (feed.status === 'late' || feed.status === 'silent') && feed.lastReceivedAt !== null) {
        const hhmm = formatHourMinute(feed.lastReceivedAt);
        status = feed.status === 'late' ? t.wall.lateSince(hhmm) : t.wall.silentSince(hhmm);
        tone = feed.status;
      } else if (feed?.status === 'never') {
        status = t.noData;
        tone = 'never';
      }
      if (isCategoryLayer(layer)) {
        const counts = categoryCounts(state, layer);
        return {
          layer,
          label: t.wall.layer[layer],
          // One swatch per category, greyed on its own when its feed is silent or never sent.
          swatches: counts.map(({ category, count }) => ({
            category,
            count,
            shape: categoryShape.get(category) ?? 'circle',
            colour: GREY(categoryFeed(state, category, now).status as LegendRow['tone']) ? palette.noData : layerBaseColour[layer],
          })),
          count: counts.reduce((n, c) => n + c.count, 0),
          records: recordsOf(state, layer),
          status,
          tone,
        };
      }
      return {
        layer,
        label: t.wall.layer[layer],
        swatches: GREY(tone) ? layerSwatches[layer].map((s) => ({ ...s, colour: palette.noData })) : layerSwatches[layer],
        count: countOf(state, layer, now),
        records: recordsOf(state, layer),
        status,
        tone,
      };
    });
}
