import { gradeOrder, type FeedStatus, type Grade, type LiveState, type Region } from '@beacon/shared';
import type { WallChartOption } from '../../charts/options.ts';
import { FONT_STACK, fontPx, gradeColour, mix, palette } from '../../charts/theme.ts';
import { formatMm, localName, type Locale, type Messages } from '../../i18n/index.ts';
import { gaugeReading, newestObservation } from '../../lib/rain.ts';

export interface RainMapInput {
  state: LiveState;
  region: Region;
  locale: Locale;
  t: Messages;
  feed: FeedStatus;
  selectedId: string | null;
  /** How many of the wettest gauges carry a name label. */
  labelTop?: number;
}

export interface GaugePoint {
  id: string;
  name: string;
  value: [number, number];
  mm: number | null;
  colour: string;
  greyed: boolean;
  size: number;
  labelled: boolean;
}

/** Symbol diameter in native px: readable at 10 m when dry, growing with the square root of rainfall. */
export function gaugeSymbolSize(mm: number | null): number {
  if (mm === null) return 22;
  return Math.round(Math.min(88, 26 + Math.sqrt(Math.max(0, mm)) * 7));
}

/**
 * ECharts draws lon/lat as if a degree of longitude were as long as a degree of latitude,
 * times `aspectScale`; cos(latitude) of the region's middle keeps its shape true.
 */
export function regionAspectScale(region: Region): number {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (ring: number[][]) => {
    for (const [, lat] of ring) {
      if (lat === undefined) continue;
      lo = Math.min(lo, lat);
      hi = Math.max(hi, lat);
    }
  };
  for (const f of region.districts.features) {
    if (f.geometry.type === 'Polygon') f.geometry.coordinates.forEach(visit);
    else f.geometry.coordinates.forEach((poly) => poly.forEach(visit));
  }
  if (!Number.isFinite(lo)) return 0.75;
  return Math.cos((((lo + hi) / 2) * Math.PI) / 180);
}

export function gaugePoints({ state, region, locale, feed, labelTop = 5 }: RainMapInput): GaugePoint[] {
  const newest = newestObservation(state);
  const points = region.rainGauges.map((g): GaugePoint => {
    const r = gaugeReading(state, g.id, feed, newest);
    return {
      id: g.id,
      name: localName(g.name, locale),
      value: [g.lon, g.lat],
      mm: r.mm,
      colour: r.colour,
      greyed: r.greyed,
      size: gaugeSymbolSize(r.mm),
      labelled: false,
    };
  });
  const wettest = points
    .filter((p) => !p.greyed && p.mm !== null && p.mm > 0)
    .sort((a, b) => (b.mm ?? 0) - (a.mm ?? 0) || a.id.localeCompare(b.id))
    .slice(0, labelTop);
  for (const p of wettest) p.labelled = true;
  return points;
}

export interface LegendEntry {
  grade: Grade | 'noData';
  label: string;
  colour: string;
}

/** Highest grade first, as the hall reads a warning scale. */
export function rainMapLegend(t: Messages): LegendEntry[] {
  const grades = [...gradeOrder].reverse().map((g): LegendEntry => ({ grade: g, label: t.gradeName[g], colour: gradeColour[g] }));
  return [...grades, { grade: 'noData', label: t.legendNoData, colour: palette.noData }];
}

export function rainMapOptions(input: RainMapInput): WallChartOption {
  const { region, locale, feed, selectedId } = input;
  const points = gaugePoints(input);
  // Draw wetter gauges last so they sit on top of dry neighbours.
  const drawOrder = [...points].sort((a, b) => (a.mm ?? -1) - (b.mm ?? -1));
  const selected = points.find((p) => p.id === selectedId);
  // A late feed dims the symbols toward the map; labels stay fully opaque so they stay legible.
  const symbolColour = (p: GaugePoint) => (feed === 'late' && !p.greyed ? mix(p.colour, palette.mapArea, 0.45) : p.colour);
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK },
    geo: {
      map: region.mapName,
      roam: false,
      silent: true,
      aspectScale: regionAspectScale(region),
      top: 40,
      bottom: 40,
      left: 40,
      right: 40,
      itemStyle: { areaColor: palette.mapArea, borderColor: palette.mapBorder, borderWidth: 3 },
      label: {
        show: true,
        color: palette.textMuted,
        fontSize: fontPx.body,
        fontWeight: 'bold',
        fontFamily: FONT_STACK,
        formatter: (p: { name?: string }) => localName(region.districtNames[p.name ?? ''], locale, p.name ?? ''),
      },
      emphasis: { disabled: true },
      select: { disabled: true },
    },
    series: [
      {
        id: 'gauges',
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        cursor: 'pointer',
        emphasis: { disabled: true },
        labelLayout: { hideOverlap: true },
        data: drawOrder.map((p) => ({
          id: p.id,
          name: p.name,
          value: p.value,
          symbolSize: p.size,
          itemStyle: {
            color: symbolColour(p),
            // Scatter defaults to 0.8, which lets overlapping gauges blend into colours of no grade.
            opacity: 1,
            borderColor: palette.stage,
            borderWidth: 3,
          },
          label: {
            show: p.labelled,
            position: 'right',
            distance: 14,
            formatter: `${p.name} ${p.mm === null ? '' : formatMm(p.mm)}`,
            color: palette.text,
            fontSize: fontPx.small + 2,
            fontWeight: 'bold',
            fontFamily: FONT_STACK,
            backgroundColor: 'rgba(7, 17, 28, 0.82)',
            borderColor: p.colour,
            borderWidth: 2,
            borderRadius: 8,
            padding: [6, 12],
          },
        })),
      },
      {
        id: 'selected',
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        silent: true,
        z: 3,
        data: selected
          ? [{ id: selected.id, value: selected.value, symbolSize: selected.size + 30, itemStyle: { color: 'transparent', borderColor: palette.text, borderWidth: 5 } }]
          : [],
      },
    ],
  };
}
