import { activeTyphoons, categoryFeed, latestOf, type LiveState } from '@beacon/shared';
import { gradeColour, palette } from '../../charts/theme.ts';
import { formatHourMinute, type Messages } from '../../i18n/index.ts';
import { LAYER_IDS, layerCategory, type LayerId } from './layers.ts';
import { depotColour, geohazardColour, populationClasses, severityColour, teamStatusColour, typhoonStyle } from './mapStyle.ts';

export type SwatchShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'drop' | 'pin' | 'ring';

export interface LegendRow {
  layer: LayerId;
  label: string;
  swatches: { colour: string; shape: SwatchShape }[];
  /** Things on the layer now (null where a count means nothing, e.g. risk). */
  count: number | null;
  /** "14:05 起中断" when the layer's feed is late or silent, "无数据" if it never sent, else null. */
  status: string | null;
  /** 'never': not connected yet — greyed like silent, but not an outage, so not in alarm red. */
  tone: 'live' | 'late' | 'silent' | 'never';
}

const swatch = (shape: SwatchShape, colours: readonly string[]) => colours.map((colour) => ({ colour, shape }));

const layerSwatches: Record<LayerId, { colour: string; shape: SwatchShape }[]> = {
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

function countOf(state: LiveState, layer: LayerId, now: number): number | null {
  if (layer === 'risk' || layer === 'population') return null;
  if (layer === 'typhoon') return activeTyphoons(state, now).length;
  if (layer === 'incident') return latestOf(state, 'incident').filter((r) => r.data.status !== 'closed').length;
  if (layer === 'shelter') return latestOf(state, 'shelter').filter((r) => r.data.status !== 'closed').length;
  return latestOf(state, layerCategory[layer]!).length;
}

/** The legend lists the visible layers only, in draw order from the top, each with its feed's staleness. */
export function oneMapLegend(state: LiveState, visible: Record<LayerId, boolean>, now: number, t: Messages): LegendRow[] {
  return [...LAYER_IDS]
    .reverse()
    .filter((l) => visible[l])
    .map((layer): LegendRow => {
      const category = layerCategory[layer];
      const feed = category ? categoryFeed(state, category, now) : null;
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
      return {
        layer,
        label: t.wall.layer[layer],
        swatches: tone === 'silent' || tone === 'never' ? layerSwatches[layer].map((s) => ({ ...s, colour: palette.noData })) : layerSwatches[layer],
        count: countOf(state, layer, now),
        status,
        tone,
      };
    });
}
