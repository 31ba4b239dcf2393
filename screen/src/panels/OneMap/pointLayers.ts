import { latestOf, teamStatus, type LiveState } from '@beacon/shared';
import { own } from '@beacon/shared';
import { FONT_STACK, fontPx, palette } from '../../charts/theme.ts';
import { labelInside } from './labelInside.ts';
import type { LayerId } from './layers.ts';
import { depotColour, geohazardColour, severityColour, shelterColour, symbols, teamStatusColour, waterloggingColour } from './mapStyle.ts';

/** One map marker: where, how big, which colour, and an optional label. */
export interface MapPoint {
  id: string;
  name: string;
  value: [number, number];
  colour: string;
  size: number;
  label?: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function place(data: Record<string, unknown>): [number, number] | null {
  const lon = num(data.lon);
  const lat = num(data.lat);
  return lon === null || lat === null ? null : [lon, lat];
}

/** Every record of a category that has a position, mapped to a marker. */
function pointsOf(state: LiveState, category: string, make: (id: string, d: Record<string, unknown>, at: [number, number]) => MapPoint | null): MapPoint[] {
  const out: MapPoint[] = [];
  for (const r of latestOf(state, category)) {
    const at = place(r.data);
    if (!at) continue;
    const p = make(r.entityId, r.data, at);
    if (p) out.push(p);
  }
  // Stable draw order: markers never swap places between frames.
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const SEVERITY_RANK: Record<string, number> = { I: 0, II: 1, III: 2, IV: 3 };

export function teamPoints(state: LiveState): MapPoint[] {
  return pointsOf(state, 'rescue-team', (id, d, at) => {
    // As the console and the forces panel show it: a dispatch command makes the team "dispatched".
    const status = teamStatus(state, id) ?? '';
    return {
      id,
      name: str(d.name, id),
      value: at,
      colour: own(teamStatusColour, status) ?? palette.textMuted,
      // Deployed teams stand out: they are what the hall is watching.
      size: status === 'dispatched' || status === 'on-site' ? 44 : 34,
    };
  });
}

export function depotPoints(state: LiveState): MapPoint[] {
  return pointsOf(state, 'supply-depot', (id, d, at) => ({ id, name: str(d.name, id), value: at, colour: depotColour, size: d.level === 'city' ? 42 : 34 }));
}

export function shelterPoints(state: LiveState): MapPoint[] {
  return pointsOf(state, 'shelter', (id, d, at) => {
    if (d.status === 'closed') return null;
    const occ = num(d.occupancy) ?? 0;
    const cap = num(d.capacity) ?? 0;
    return { id, name: str(d.name, id), value: at, colour: shelterColour(occ, cap), size: 26 + Math.min(24, Math.sqrt(cap) / 2) };
  });
}

export function geohazardPoints(state: LiveState): MapPoint[] {
  return pointsOf(state, 'geohazard-point', (id, d, at) => ({
    id,
    name: str(d.name, id),
    value: at,
    colour: own(geohazardColour, str(d.riskLevel, 'medium')) ?? geohazardColour.medium!,
    size: 32,
  }));
}

export function waterloggingPoints(state: LiveState): MapPoint[] {
  return pointsOf(state, 'waterlogging-point', (id, d, at) => {
    const depth = num(d.depthCm) ?? 0;
    return { id, name: str(d.name, id), value: at, colour: waterloggingColour(depth), size: depth >= 15 ? 40 : 30 };
  });
}

/** Open incidents; the `labelTop` most severe (then newest) carry their title. */
export function incidentPoints(state: LiveState, labelTop = 3): MapPoint[] {
  const open = latestOf(state, 'incident')
    .filter((r) => r.data.status !== 'closed' && place(r.data))
    .sort((a, b) => (own(SEVERITY_RANK, str(a.data.severity)) ?? 9) - (own(SEVERITY_RANK, str(b.data.severity)) ?? 9) || b.observedAt - a.observedAt || a.entityId.localeCompare(b.entityId));
  return open.map((r, i) => ({
    id: r.entityId,
    name: str(r.data.title, r.entityId),
    value: place(r.data)!,
    colour: own(severityColour, str(r.data.severity)) ?? palette.textMuted,
    size: 64,
    ...(i < labelTop ? { label: str(r.data.title, r.entityId) } : {}),
  }));
}

const ORDER: Partial<Record<LayerId, number>> = { geohazard: 4, waterlogging: 5, shelter: 6, depot: 7, team: 8, incident: 10 };

/**
 * A scatter series of markers; a greyed layer (silent feed) keeps its shapes but loses its colours.
 * Given the chart's size (native px), labels stay whole inside it (labelInside.ts), at any zoom.
 */
export function pointSeries(layer: LayerId, points: MapPoint[], greyed: boolean, chart?: { width: number; height: number }) {
  const symbol = symbols[layer as keyof typeof symbols] ?? 'circle';
  return {
    id: layer,
    type: 'scatter' as const,
    coordinateSystem: 'geo' as const,
    geoIndex: 0,
    silent: true,
    z: ORDER[layer] ?? 5,
    symbol,
    labelLayout: chart ? labelInside(chart) : { hideOverlap: true },
    data: points.map((p) => ({
      id: p.id,
      name: p.name,
      value: p.value,
      symbolSize: layer === 'incident' ? [p.size * 0.8, p.size] : p.size,
      // Pins stand on their point rather than centring on it.
      symbolOffset: layer === 'incident' ? [0, '-50%'] : [0, 0],
      itemStyle: { color: greyed ? palette.noData : p.colour, opacity: 1, borderColor: palette.stage, borderWidth: 3 },
      label: {
        show: p.label !== undefined && !greyed,
        formatter: p.label ?? '',
        // Used without a chart size only: labelInside places the label itself, past position and distance.
        position: 'top' as const,
        distance: layer === 'incident' ? p.size + 6 : 10,
        color: palette.text,
        fontSize: fontPx.small,
        fontWeight: 'bold' as const,
        fontFamily: FONT_STACK,
        backgroundColor: 'rgba(7, 17, 28, 0.88)',
        borderColor: p.colour,
        borderWidth: 3,
        borderRadius: 8,
        padding: [6, 12],
      },
    })),
  };
}
