import type { Region } from '../region/types.ts';
import { latestOf } from '../state/selectors.ts';
import type { LiveState } from '../state/live-state.ts';
import { own } from '../util/dict.ts';
import type { MapLayerId } from './map-layers.ts';

/**
 * How far a thing on the map is from normal, the same scale for every category so one colour means one
 * thing across layers: `alarm` (red: over a guarantee level, an outage, a hazard found), `high` (orange:
 * over a warning level), `watch` (yellow: near it, or a force out), `normal`, and `idle` (off duty,
 * restored, nothing to do).
 */
export type LayerTone = 'alarm' | 'high' | 'watch' | 'normal' | 'idle';

/** The layer groups built from category specs (the others — risk, rain, incidents … — have their own builders). */
export const CATEGORY_LAYER_IDS = ['hydro', 'weather', 'hazards', 'floodworks', 'traffic', 'utility', 'medical', 'responders'] as const satisfies readonly MapLayerId[];
export type CategoryLayerId = (typeof CATEGORY_LAYER_IDS)[number];

type Data = Record<string, unknown>;

/** One category on the map: which layer it belongs to, where a record is, whether it counts, how it is coloured. */
export interface CategoryLayerSpec {
  category: string;
  layer: CategoryLayerId;
  /** Whether a record is on the layer now (a reopened road or a restored feeder is not). */
  shown: (d: Data) => boolean;
  tone: (d: Data) => LayerTone;
  /**
   * Where to draw it; null when it has no place the map can show (an expert has none; a registered
   * wind station may omit its position). Such records still count in the legend.
   */
  place: (d: Data, region: Region) => [number, number] | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const always = () => true;

function lonLat(d: Data): [number, number] | null {
  const lon = num(d.lon);
  const lat = num(d.lat);
  return lon === null || lat === null ? null : [lon, lat];
}

/** Area counts (lightning per division) have no point: they are drawn at their district's centre. */
function districtCentre(d: Data, region: Region): [number, number] | null {
  const name = typeof d.district === 'string' ? d.district : null;
  const f = name ? region.districts.features.find((x) => x.properties.name === name) : undefined;
  return f ? f.properties.center : null;
}

/** Earthquakes felt in the city are often in the Taiwan Strait: drawn when near enough to be on the map. */
function nearbyEpicentre(d: Data): [number, number] | null {
  const p = lonLat(d);
  return p && p[0] >= 116 && p[0] <= 121 && p[1] >= 22 && p[1] <= 27 ? p : null;
}

/** A level against its warning and guarantee levels (river, tide): over guarantee alarm, over warning high, within `near` watch. */
export function levelTone(level: number | null, warning: number | null, guarantee: number | null, near: number): LayerTone {
  if (level === null || warning === null) return 'normal';
  if (guarantee !== null && level >= guarantee) return 'alarm';
  if (level >= warning) return 'high';
  if (level >= warning - near) return 'watch';
  return 'normal';
}

/** A value against rising thresholds [watch, high, alarm]. */
export function thresholdTone(value: number | null, [watch, high, alarm]: readonly [number, number, number]): LayerTone {
  if (value === null) return 'normal';
  if (value >= alarm) return 'alarm';
  if (value >= high) return 'high';
  if (value >= watch) return 'watch';
  return 'normal';
}

const RISK_GRADE_TONE: Readonly<Record<string, LayerTone>> = { red: 'alarm', orange: 'high', yellow: 'watch', blue: 'normal' };

const byStatus = (tones: Record<string, LayerTone>, fallback: LayerTone = 'normal') => (d: Data) =>
  (typeof d.status === 'string' ? own(tones, d.status) : undefined) ?? fallback;

/**
 * Every category the map draws beyond its original layers. Thresholds are the hall's: wind force 6/8/10
 * (10.8, 17.2, 24.5 m/s, GB/T 28591), wave heights of the sea-wave warnings (2.5, 4, 6 m), a reservoir over
 * its flood-season limit must release (alarm), within 0.5 m of it is watched.
 */
export const CATEGORY_LAYER_SPECS: readonly CategoryLayerSpec[] = [
  {
    category: 'reservoir-level', layer: 'hydro', shown: always, place: lonLat,
    tone: (d) => {
      const level = num(d.levelM);
      const limit = num(d.floodLimitLevelM);
      const design = num(d.designFloodLevelM);
      if (level === null || limit === null) return 'normal';
      if (design !== null && level >= design) return 'alarm';
      if (level > limit) return 'high';
      return level >= limit - 0.5 ? 'watch' : 'normal';
    },
  },
  { category: 'river-level', layer: 'hydro', shown: always, place: lonLat, tone: (d) => levelTone(num(d.levelM), num(d.warningLevelM), num(d.guaranteeLevelM), 0.5) },
  { category: 'tide-level', layer: 'hydro', shown: always, place: lonLat, tone: (d) => levelTone(num(d.levelCm), num(d.warningLevelCm), null, 30) },
  { category: 'wave-height', layer: 'hydro', shown: always, place: lonLat, tone: (d) => thresholdTone(num(d.significantWaveM), [2.5, 4, 6]) },
  { category: 'wind-station', layer: 'weather', shown: always, place: lonLat, tone: (d) => thresholdTone(num(d.windSpeedMs), [10.8, 17.2, 24.5]) },
  { category: 'lightning', layer: 'weather', shown: (d) => (num(d.strikes10min) ?? 0) > 0, place: districtCentre, tone: (d) => thresholdTone(num(d.strikes10min), [1, 20, 100]) },
  { category: 'dangerous-building', layer: 'hazards', shown: always, place: lonLat, tone: (d) => ((num(d.evacuated) ?? 0) >= (num(d.residents) ?? 0) ? 'idle' : d.grade === 'D' ? 'alarm' : 'high') },
  { category: 'manhole-alert', layer: 'hazards', shown: (d) => d.status !== 'normal', place: lonLat, tone: byStatus({ alarm: 'alarm', handling: 'watch' }) },
  { category: 'displacement-monitor', layer: 'hazards', shown: always, place: lonLat, tone: (d) => thresholdTone(num(d.displacementRateMmD), [5, 20, 50]) },
  { category: 'enterprise-risk', layer: 'hazards', shown: always, place: lonLat, tone: (d) => (typeof d.riskGrade === 'string' ? own(RISK_GRADE_TONE, d.riskGrade) : undefined) ?? 'normal' },
  { category: 'early-warning-terminal', layer: 'hazards', shown: always, place: lonLat, tone: byStatus({ offline: 'watch', fault: 'high' }) },
  { category: 'earthquake-report', layer: 'hazards', shown: always, place: nearbyEpicentre, tone: (d) => thresholdTone(num(d.magnitude), [3, 5, 6]) },
  { category: 'sluice-pump', layer: 'floodworks', shown: always, place: lonLat, tone: byStatus({ fault: 'alarm', open: 'watch', running: 'watch' }) },
  { category: 'drainage-pump', layer: 'floodworks', shown: always, place: lonLat, tone: byStatus({ fault: 'alarm', offline: 'idle', running: 'watch' }) },
  { category: 'dike-patrol', layer: 'floodworks', shown: (d) => d.status !== 'off-duty', place: lonLat, tone: byStatus({ 'hazard-found': 'alarm' }) },
  { category: 'road-closure', layer: 'traffic', shown: (d) => d.status !== 'reopened', place: lonLat, tone: byStatus({ closed: 'alarm', restricted: 'high' }) },
  { category: 'traffic-control', layer: 'traffic', shown: (d) => d.status !== 'lifted', place: lonLat, tone: (d) => (d.measure === 'closed' ? 'alarm' : 'high') },
  { category: 'power-outage', layer: 'utility', shown: (d) => d.status !== 'restored', place: lonLat, tone: (d) => thresholdTone(num(d.households), [1, 500, 5_000]) },
  { category: 'base-station-outage', layer: 'utility', shown: (d) => d.status !== 'restored', place: lonLat, tone: byStatus({ down: 'alarm', 'on-backup': 'watch' }) },
  { category: 'repair-crew', layer: 'utility', shown: always, place: lonLat, tone: byStatus({ dispatched: 'watch', repairing: 'high', returning: 'idle' }) },
  { category: 'emergency-comms-vehicle', layer: 'utility', shown: always, place: lonLat, tone: byStatus({ 'en-route': 'watch', 'on-site': 'high', returning: 'idle' }) },
  {
    category: 'hospital-beds', layer: 'medical', shown: always, place: lonLat,
    // Colour by room left: under 5 % of beds free is full for a mass-casualty plan, under 15 % is tight.
    tone: (d) => {
      const free = num(d.freeBeds) ?? 0;
      const total = num(d.totalBeds) ?? 0;
      if (total <= 0 || free <= 0) return 'alarm';
      if (free < 0.05 * total) return 'high';
      return free < 0.15 * total ? 'watch' : 'normal';
    },
  },
  { category: 'ambulance', layer: 'medical', shown: (d) => d.status !== 'out-of-service', place: lonLat, tone: byStatus({ dispatched: 'watch', transporting: 'high', 'at-hospital': 'idle' }) },
  { category: 'police-deployment', layer: 'responders', shown: always, place: lonLat, tone: byStatus({ deployed: 'watch', returning: 'idle' }) },
  { category: 'expert', layer: 'responders', shown: (d) => d.availability === 'available' || d.availability === 'on-call', place: () => null, tone: () => 'normal' },
];

/** The specs of one layer group, in draw order. */
export function specsOfLayer(layer: CategoryLayerId): CategoryLayerSpec[] {
  return CATEGORY_LAYER_SPECS.filter((s) => s.layer === layer);
}

export function isCategoryLayer(id: string): id is CategoryLayerId {
  return (CATEGORY_LAYER_IDS as readonly string[]).includes(id);
}

/** One thing on a category layer: its record's id, name for a label, place (null: counted, not drawn) and tone. */
export interface LayerItem {
  id: string;
  name: string;
  place: [number, number] | null;
  tone: LayerTone;
}

const NAME_FIELDS = ['name', 'road', 'location', 'feeder', 'section', 'address', 'site', 'place', 'route', 'base'] as const;

function nameOf(id: string, d: Data): string {
  for (const f of NAME_FIELDS) if (typeof d[f] === 'string' && d[f]) return d[f] as string;
  return id;
}

/** The records of a category that are on its layer now, in a stable order (markers never swap between frames). */
export function layerItems(state: LiveState, spec: CategoryLayerSpec, region: Region): LayerItem[] {
  const out: LayerItem[] = [];
  for (const r of latestOf(state, spec.category)) {
    if (!spec.shown(r.data)) continue;
    out.push({ id: r.entityId, name: nameOf(r.entityId, r.data), place: spec.place(r.data, region), tone: spec.tone(r.data) });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
