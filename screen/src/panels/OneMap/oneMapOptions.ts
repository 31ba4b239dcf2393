import { activeTyphoons, categoryFeed, CATEGORY_LAYER_IDS, circleRing, latestIn, type LiveState, type Region, type RiskAssessment } from '@beacon/shared';
import { own } from '@beacon/shared';
import { createMemo, type Memo } from '../../charts/memo.ts';
import type { WallChartOption } from '../../charts/options.ts';
import { FONT_STACK, fontPx, palette } from '../../charts/theme.ts';
import { localName, type Locale, type Messages } from '../../i18n/index.ts';
import { gaugePoints } from './rainGauges.ts';
import { createCategoryLayerCache, type CategoryLayerCache } from './categoryLayers.ts';
import { layerCategories, type LayerId } from './layers.ts';
import { pixelsPerKm, regionAspectScale } from './mapGeometry.ts';
import type { MapFocus } from './mapFocus.ts';
import { riskFill } from './mapStyle.ts';
import { depotPoints, geohazardPoints, incidentPoints, pointSeries, shelterPoints, teamPoints, waterloggingPoints } from './pointLayers.ts';
import { populationSeries } from './populationSeries.ts';
import { shapeSeries, typhoonMarkers, typhoonShapes, type MapShape } from './typhoonSeries.ts';

export interface OneMapInput {
  state: LiveState;
  region: Region;
  now: number;
  locale: Locale;
  t: Messages;
  /** The latest risk assessment (computed about once a second), or null before the first. */
  risk: RiskAssessment | null;
  visible: Record<LayerId, boolean>;
  /**
   * The chart's size in native px: population cells are drawn at their ground size, and labels kept
   * inside it. The chart is only as big as the map may be drawn: ECharts does not clip a zoomed map to
   * its layout box (apache/echarts#3738), so a screen with something floating on the map (the wall's
   * clocks and legend) sizes the chart beside it rather than under it.
   */
  box: { width: number; height: number };
  /** What the console put on the wall (null: the whole city). */
  focus?: MapFocus | null;
  /**
   * The category layers' series, kept between calls so a record rebuilds only its own category. A
   * screen passes the same cache every time; without one each call builds them all.
   */
  categoryLayers?: CategoryLayerCache;
  /**
   * Every other layer's series (and the geo component), kept between calls the same way: a layer whose
   * inputs did not change is the same object as last time, so useChart sends ECharts only what changed.
   * A screen passes the same memo every time; without one each call builds them all.
   */
  memo?: Memo;
}

export const MAP_PADDING = 48;

/** A layer whose feed is silent (or never sent) is drawn grey: its positions may no longer be true. */
export function layerGreyed(state: LiveState, layer: LayerId, now: number): boolean {
  const [category] = layerCategories(layer);
  if (!category) return false;
  const s = categoryFeed(state, category, now).status;
  return s === 'silent' || s === 'never';
}

function riskRegions(input: OneMapInput) {
  const focused = input.focus?.district ?? null;
  const byName = new Map<string, { name: string; itemStyle: Record<string, unknown> }>();
  if (input.visible.risk && input.risk) {
    for (const d of input.risk.districts) byName.set(d.area.district, { name: d.area.district, itemStyle: { areaColor: riskFill(d.grade) } });
  }
  // The focused district gets a bright, thick outline: from 10 m, "which district" must be obvious.
  if (focused) {
    const r = byName.get(focused) ?? { name: focused, itemStyle: {} };
    byName.set(focused, { ...r, itemStyle: { ...r.itemStyle, borderColor: palette.accent, borderWidth: 8 } });
  }
  return [...byName.values()];
}

/** The incident's 1, 3 and 5 km rings: how far "surroundings" reach, at a glance. */
export function focusRings(centre: [number, number]): MapShape[] {
  return FOCUS_RINGS_KM.map((km) => ({ kind: 'polyline' as const, points: circleRing(centre, km), fill: 'transparent', stroke: palette.accent, lineWidth: km === 5 ? 6 : 3, dashed: km !== 5 }));
}
export const FOCUS_RINGS_KM = [1, 3, 5] as const;

/** The same object on every call: an unchanged text style is not sent to the chart again. */
const TEXT_STYLE = { fontFamily: FONT_STACK, fontSize: fontPx.small };

export function oneMapOptions(input: OneMapInput): WallChartOption {
  const { state, region, now, locale, t, visible } = input;
  const memo = input.memo ?? createMemo();
  const greyed = (l: LayerId) => layerGreyed(state, l, now);
  const gradeOfDistrict = new Map((visible.risk ? input.risk?.districts ?? [] : []).map((d) => [d.area.district, d.grade]));
  const series: unknown[] = [];

  const zoom = input.focus?.zoom ?? 1;
  // Each layer below is rebuilt only when what it is drawn from changes: its category's records (a delta
  // replaces a category's record map and leaves the others as they were), whether its feed is greyed,
  // and the few view inputs it reads.
  if (visible.population) {
    const pxPerKm = pixelsPerKm(region, input.box, MAP_PADDING) * zoom;
    const g = greyed('population');
    series.push(...memo.get('population', [latestIn(state, 'population-heat'), pxPerKm, g], () => populationSeries(state, pxPerKm, g)));
  }
  if (visible.typhoon) {
    const g = greyed('typhoon');
    const active = activeTyphoons(state, now);
    // "Active" ages out with the clock: the ids shown are part of the key, not just the records.
    const typhoon = memo.get('typhoon', [latestIn(state, 'typhoon-track'), g, active.map((ty) => ty.id).join('\n'), input.box.width, input.box.height], () => {
      const out: unknown[] = [shapeSeries('typhoon-shapes', active.flatMap((ty) => typhoonShapes(ty, g)), 2)];
      const [ty] = active;
      if (ty) out.push(typhoonMarkers(ty, g, ty.name, input.box));
      return out;
    });
    series.push(...typhoon);
  }
  if (visible.rain) {
    const rainGreyed = greyed('rain');
    const rain = memo.get('rain', [latestIn(state, 'rain-gauge'), rainGreyed, locale, region], () => {
      const points = gaugePoints({ state, region, locale, feed: rainGreyed ? 'silent' : 'live', labelTop: 0 });
      return pointSeries(
        'rain',
        points.map((p) => ({ id: p.id, name: p.name, value: p.value, colour: p.colour, size: Math.max(20, p.size * 0.6) })),
        rainGreyed,
      );
    });
    series.push(rain);
  }
  const categoryLayers = input.categoryLayers ?? createCategoryLayerCache(region);
  for (const layer of CATEGORY_LAYER_IDS) {
    if (visible[layer]) for (const part of categoryLayers.layer(state, layer, now)) series.push(part.series);
  }
  // What each marker layer reads besides its own records: a team's status also follows dispatch commands.
  const markers: [LayerId, () => ReturnType<typeof teamPoints>, unknown[]][] = [
    ['geohazard', () => geohazardPoints(state), [latestIn(state, 'geohazard-point')]],
    ['waterlogging', () => waterloggingPoints(state), [latestIn(state, 'waterlogging-point')]],
    ['shelter', () => shelterPoints(state), [latestIn(state, 'shelter')]],
    ['depot', () => depotPoints(state), [latestIn(state, 'supply-depot')]],
    ['team', () => teamPoints(state), [latestIn(state, 'rescue-team'), state.command.dispatches]],
    ['incident', () => incidentPoints(state), [latestIn(state, 'incident')]],
  ];
  for (const [layer, points, deps] of markers) {
    if (!visible[layer]) continue;
    const g = greyed(layer);
    // Labels are kept inside the chart's box: its size is an input too.
    series.push(memo.get(layer, [...deps, g, input.box.width, input.box.height], () => pointSeries(layer, points(), g, input.box)));
  }
  const centre = input.focus?.incident;
  if (centre) series.push(memo.get('focus-rings', [centre[0], centre[1]], () => shapeSeries('focus-rings', focusRings(centre), 6)));

  return {
    animation: false,
    textStyle: TEXT_STYLE,
    geo: sameGeo(memo, locale, gradeOfDistrict, {
      map: region.mapName,
      roam: false,
      silent: true,
      // Unfocused: no centre or zoom, so ECharts fits the whole region (useChart replaces the geo
      // component on every update, so a previous focus does not linger).
      ...(input.focus ? { center: input.focus.center, zoom: input.focus.zoom } : {}),
      aspectScale: regionAspectScale(region),
      // With left/right/top/bottom all set, ECharts stretches the map to fill the box unless told
      // otherwise: a 5 km ring drew as an ellipse and population cells as bars. Fit it, true to shape.
      preserveAspect: 'contain',
      top: MAP_PADDING,
      bottom: MAP_PADDING,
      left: MAP_PADDING,
      right: MAP_PADDING,
      itemStyle: { areaColor: palette.mapArea, borderColor: palette.mapBorder, borderWidth: 3 },
      regions: riskRegions(input),
      label: {
        show: true,
        color: palette.text,
        fontSize: fontPx.body,
        fontWeight: 'bold',
        fontFamily: FONT_STACK,
        textBorderColor: palette.stage,
        textBorderWidth: 4,
        formatter: (p: { name?: string }) => {
          const name = localName(own(region.districtNames, p.name ?? ''), locale, p.name ?? '');
          const grade = gradeOfDistrict.get(p.name ?? '');
          return grade && grade !== 'none' ? `${name} · ${t.wall.riskGrade[grade]}` : name;
        },
      },
      emphasis: { disabled: true },
      select: { disabled: true },
    }),
    series: series as WallChartOption['series'],
  };
}

/**
 * The geo component as last built when it would come out the same: its plain values (JSON drops the
 * label formatter) and what the formatter reads — the locale and each district's grade — are the key.
 * A new geo object would have ECharts replace the component and redraw every district's outline.
 */
function sameGeo(memo: Memo, locale: Locale, grades: ReadonlyMap<string, string>, geo: WallChartOption['geo']): WallChartOption['geo'] {
  const key = `${locale}|${[...grades].join(';')}|${JSON.stringify(geo)}`;
  return memo.get('geo', [key], () => geo);
}
