import { circleRing, forecastCone, type LonLat, type Typhoon } from '@beacon/shared';
import { FONT_STACK, fontPx, palette } from '../../charts/theme.ts';
import { labelInside } from './labelInside.ts';
import { typhoonStyle } from './mapStyle.ts';

/** A filled or open shape in lon/lat, drawn by the custom series below. */
export interface MapShape {
  kind: 'polygon' | 'polyline';
  points: LonLat[];
  fill: string;
  stroke: string;
  lineWidth: number;
  dashed: boolean;
}

/** Cone first, then wind circles from the widest in, then the forecast path: the order they are drawn in. */
export function typhoonShapes(t: Typhoon, greyed: boolean): MapShape[] {
  const grey = (c: string) => (greyed ? palette.noData : c);
  const shapes: MapShape[] = [];
  const cone = forecastCone(t);
  if (cone.length > 2) {
    shapes.push({ kind: 'polygon', points: [...cone, cone[0]!], fill: typhoonStyle.cone, stroke: typhoonStyle.coneBorder, lineWidth: 3, dashed: true });
  }
  // The force-7 circle can cover the whole city: fill it faintly so the districts' risk colours still read.
  const alpha = { 7: '0d', 10: '1a', 12: '2e' } as const;
  for (const force of [7, 10, 12] as const) {
    const km = t.radiiKm[force];
    if (km === null || km <= 0) continue;
    const colour = grey(typhoonStyle.radius[force]);
    shapes.push({ kind: 'polygon', points: circleRing([t.lon, t.lat], km), fill: `${colour}${alpha[force]}`, stroke: colour, lineWidth: 4, dashed: false });
  }
  // Where it has been: solid; where it is forecast to go: dashed.
  if (t.past.length > 1) {
    shapes.push({ kind: 'polyline', points: t.past, fill: 'none', stroke: grey(typhoonStyle.path), lineWidth: 6, dashed: false });
  }
  if (t.forecast.length > 0) {
    shapes.push({
      kind: 'polyline',
      points: [[t.lon, t.lat], ...t.forecast.map((f): LonLat => [f.lon, f.lat])],
      fill: 'none',
      stroke: grey(typhoonStyle.path),
      lineWidth: 5,
      dashed: true,
    });
  }
  return shapes;
}

interface RenderApi {
  coord(p: LonLat): number[];
}

/** ECharts custom series for the shapes: lon/lat turned into pixels by the geo at draw time. */
export function shapeSeries(id: string, shapes: MapShape[], z: number) {
  return {
    id,
    type: 'custom' as const,
    coordinateSystem: 'geo' as const,
    geoIndex: 0,
    silent: true,
    z,
    data: shapes.map((s, i) => ({ value: [...s.points[0]!, i] })),
    renderItem: (params: { dataIndex: number }, api: RenderApi) => {
      const s = shapes[params.dataIndex];
      if (!s) return null;
      return {
        type: s.kind,
        shape: { points: s.points.map((p) => api.coord(p)) },
        style: { fill: s.fill, stroke: s.stroke, lineWidth: s.lineWidth, lineDash: s.dashed ? [16, 12] : undefined },
      };
    },
  };
}

/**
 * The centre and the forecast positions as symbols; the centre carries the storm's name. Given the
 * chart's size (native px), the name stays whole inside it as incident labels do (labelInside.ts): a
 * storm east of the city stands near the map's right edge, where a label to its right was cut.
 */
export function typhoonMarkers(t: Typhoon, greyed: boolean, label: string, chart?: { width: number; height: number }) {
  return {
    id: 'typhoon-centre',
    type: 'scatter' as const,
    coordinateSystem: 'geo' as const,
    geoIndex: 0,
    silent: true,
    z: 9,
    ...(chart ? { labelLayout: labelInside(chart) } : {}),
    data: [
      ...t.forecast.map((f) => ({
        id: `f-${f.at}`,
        value: [f.lon, f.lat],
        symbolSize: 22,
        itemStyle: { color: palette.stage, borderColor: greyed ? palette.noData : typhoonStyle.path, borderWidth: 4 },
        label: { show: false },
      })),
      {
        id: t.id,
        value: [t.lon, t.lat],
        symbolSize: 56,
        itemStyle: { color: greyed ? palette.noData : typhoonStyle.centre, borderColor: palette.text, borderWidth: 5 },
        label: {
          show: true,
          formatter: label,
          position: 'right' as const,
          distance: 16,
          color: palette.text,
          fontSize: fontPx.body,
          fontWeight: 'bold' as const,
          fontFamily: FONT_STACK,
          backgroundColor: 'rgba(7, 17, 28, 0.88)',
          borderColor: typhoonStyle.centre,
          borderWidth: 3,
          borderRadius: 8,
          padding: [6, 14],
        },
      },
    ],
  };
}
