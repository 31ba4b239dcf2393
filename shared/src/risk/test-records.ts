// Test builders (pure): records of any category as ingest would log them, and live state folded from
// them with the one reducer, so the risk tests read the same state the engine builds.
import { categories } from '../categories/registry.ts';
import type { DepartmentId } from '../departments.ts';
import type { RecordReceived } from '../events.ts';
import type { Region } from '../region/types.ts';
import { emptyLiveState, type LiveState } from '../state/live-state.ts';
import { fold } from '../state/reducer.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

let nextSeq = 0;

/** A `record.received` event of any category; the department is the category's, from the registry. */
export function recordEvent(
  category: string,
  entityId: string,
  observedAt: number,
  data: Record<string, unknown>,
  extra: { version?: number; seq?: number; department?: DepartmentId } = {},
): RecordReceived {
  const at = new Date(observedAt).toISOString();
  const version = extra.version ?? 1;
  nextSeq = extra.seq ?? nextSeq + 1;
  const idField = categories.get(category)?.idField ?? 'id';
  return {
    type: 'record.received',
    seq: nextSeq,
    receivedAt: at,
    department: extra.department ?? categories.get(category)?.department ?? 'emergency',
    category,
    entityId,
    observedAt: at,
    version,
    payload: { [idField]: entityId, observedAt: at, version, ...data },
  };
}

export function stateOf(events: readonly RecordReceived[]): LiveState {
  return fold(emptyLiveState(), events);
}

/** One gauge's 1 h totals, the last at `now`, earlier ones an hour apart (oldest first in `hourly`). */
export function rainHours(stationId: string, now: number, hourly: readonly number[]): RecordReceived[] {
  return hourly.map((mm, i) => recordEvent('rain-gauge', stationId, now - (hourly.length - 1 - i) * HOUR, { rainfall1hMm: mm }));
}

/** Every gauge of the region reporting `mm` at `now`, or the value `mmOf` gives it. */
export function everyGauge(region: Region, now: number, mmOf: (gaugeId: string, district: string) => number): RecordReceived[] {
  return region.rainGauges.map((g) => recordEvent('rain-gauge', g.id, now, { rainfall1hMm: mmOf(g.id, g.district) }));
}

export function warningEvent(
  category: 'weather-warning' | 'flash-flood-warning' | 'geohazard-warning' | 'storm-surge-warning',
  alertId: string,
  at: number,
  fields: { level: 'blue' | 'yellow' | 'orange' | 'red'; status?: 'active' | 'lifted'; event?: string; areas?: string[]; expiresAt?: number },
): RecordReceived {
  const { expiresAt, ...rest } = fields;
  return recordEvent(category, alertId, at, {
    status: 'active',
    event: '暴雨',
    headline: `${rest.event ?? '暴雨'}${rest.level}预警`,
    areas: [],
    ...rest,
    ...(expiresAt !== undefined ? { expiresAt: new Date(expiresAt).toISOString() } : {}),
  });
}

export function typhoonEvent(typhoonId: string, at: number, fields: { lon: number; lat: number; name?: string; maxWindMs?: number; pressureHpa?: number; radius7Km?: number; radius10Km?: number; radius12Km?: number }): RecordReceived {
  return recordEvent('typhoon-track', typhoonId, at, { name: '杜鹃', pressureHpa: 950, maxWindMs: 45, ...fields });
}

export function geohazardPointEvent(pointId: string, at: number, fields: { lon: number; lat: number; district: string; riskLevel?: string; hazard?: string }): RecordReceived {
  return recordEvent('geohazard-point', pointId, at, { name: pointId, hazard: 'landslide', threatenedPeople: 30, ...fields });
}

export function waterloggingEvent(pointId: string, at: number, fields: { lon: number; lat: number; district: string; depthCm: number }): RecordReceived {
  return recordEvent('waterlogging-point', pointId, at, { name: pointId, ...fields });
}

export function tideEvent(stationId: string, at: number, fields: { levelCm: number; warningLevelCm: number; lon?: number; lat?: number; district?: string }): RecordReceived {
  return recordEvent('tide-level', stationId, at, fields);
}

/** A population grid of [lon, lat, people] cells. */
export function populationEvent(gridId: string, at: number, cells: [number, number, number][]): RecordReceived {
  return recordEvent('population-heat', gridId, at, { cellSizeM: 500, cells });
}
