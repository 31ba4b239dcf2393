import { categories } from '../categories/registry.ts';
import type { DepartmentId } from '../departments.ts';
import type { LatestRecord, LiveState } from '../state/live-state.ts';
import { WATERLOGGING_COUNT_CM } from '../risk/weights.ts';
import { each, nameOf, num, str } from './read-record.ts';

// The flood works and weak spots near an incident that the commanders asked for (issue #15): sluices
// (水闸), pumping stations (泵站), dikes and seawalls (堤防/海堤), dangerous buildings (危房), and
// manholes and ponding points (窨井/积水点). Each is named with the department that reports it and its
// status now, so the hall knows whom to call and whether the place helps (a gate shut against the
// tide, a pump running) or is a danger (a dike with a hazard found, residents still inside).

/** The live-state categories that carry each kind. A sluice-pump record is a sluice or a pumping station by its `facility`. */
export const WATCH_POINT_CATEGORIES = {
  sluices: ['sluice-pump'],
  pumps: ['sluice-pump', 'drainage-pump'],
  dikes: ['dike-patrol'],
  dangerousBuildings: ['dangerous-building'],
  ponding: ['manhole-alert', 'waterlogging-point'],
} as const;

export type WatchKind = keyof typeof WATCH_POINT_CATEGORIES;

interface WatchPointBase {
  id: string;
  name: string;
  lon: number;
  lat: number;
  observedAt: number;
  /** The department that reports it: the one to call. */
  department: DepartmentId;
  /** The record's own status word, or one derived where the record has none (buildings, ponding points). */
  status: string;
  /** Needs attention now: a fault, a hazard found, people still inside, an alarm, water deep enough to close a lane. */
  alarm: boolean;
}

/** A sluice gate; status open, closed or fault. */
export interface SluicePoint extends WatchPointBase {
  category: 'sluice-pump';
  gateOpeningM: number | null;
  flowM3s: number | null;
}

/** A pumping station; status running, stopped (water resources) or running, standby, offline (municipal), fault for either. */
export interface PumpPoint extends WatchPointBase {
  category: 'sluice-pump' | 'drainage-pump';
  pumpsRunning: number | null;
  pumpsTotal: number | null;
  flowM3s: number | null;
  /** A mobile pump truck (移动泵车) rather than a fixed station. */
  mobile: boolean;
}

/** A dike section; status patrolling or hazard-found (patrols off duty are left out: nobody watches that section now). */
export interface DikePoint extends WatchPointBase {
  category: 'dike-patrol';
  hazard: string | null;
  patrollers: number;
}

/** A dangerous building; status evacuated when every resident is out, else not-evacuated. */
export interface DangerousBuildingPoint extends WatchPointBase {
  category: 'dangerous-building';
  grade: string | null;
  residents: number;
  evacuated: number;
}

/**
 * A manhole or a ponding point; status alarm or handling for manholes (normal ones are left out), ponding
 * from WATERLOGGING_COUNT_CM of standing water, else shallow (dry points are left out).
 */
export interface PondingPoint extends WatchPointBase {
  category: 'manhole-alert' | 'waterlogging-point';
  alarmKind: string | null;
  depthCm: number | null;
}

const departmentOf = (category: string): DepartmentId => categories.get(category)!.department;

// These kinds are few (hundreds, not thousands), so the shared part is spread in rather than written out per kind.
const base = (r: LatestRecord, at: { lon: number; lat: number }, category: string, name: string, status: string, alarm: boolean): WatchPointBase => ({
  id: r.entityId, name, lon: at.lon, lat: at.lat, observedAt: r.observedAt, department: departmentOf(category), status, alarm,
});

/** Sluice gates (水闸) of the water resources bureau. */
export function readSluices(state: LiveState): SluicePoint[] {
  return each(state, 'sluice-pump', (r, at): SluicePoint | null => {
    const status = str(r.data.status);
    if (r.data.facility !== 'sluice' || !status) return null;
    return { ...base(r, at, 'sluice-pump', nameOf(r), status, status === 'fault'), category: 'sluice-pump', gateOpeningM: num(r.data.gateOpeningM), flowM3s: num(r.data.flowM3s) };
  });
}

/** Pumping stations (泵站) of water resources, and drainage pumps of municipal works (fixed or mobile). */
export function readPumps(state: LiveState): PumpPoint[] {
  const out = each(state, 'sluice-pump', (r, at): PumpPoint | null => {
    const status = str(r.data.status);
    if (r.data.facility !== 'pump-station' || !status) return null;
    return {
      ...base(r, at, 'sluice-pump', nameOf(r), status, status === 'fault'), category: 'sluice-pump',
      pumpsRunning: num(r.data.pumpsRunning), pumpsTotal: num(r.data.pumpsTotal), flowM3s: num(r.data.flowM3s), mobile: false,
    };
  });
  return each(state, 'drainage-pump', (r, at): PumpPoint | null => {
    const status = str(r.data.status);
    if (!status) return null;
    return {
      ...base(r, at, 'drainage-pump', nameOf(r), status, status === 'fault' || status === 'offline'), category: 'drainage-pump',
      pumpsRunning: num(r.data.pumpsRunning), pumpsTotal: num(r.data.pumpsTotal), flowM3s: num(r.data.flowM3s), mobile: r.data.pumpType === 'mobile',
    };
  }, out);
}

/** Dike and seawall sections under patrol (堤防/海堤), named by their section. */
export function readDikes(state: LiveState): DikePoint[] {
  return each(state, 'dike-patrol', (r, at): DikePoint | null => {
    const status = str(r.data.status);
    if (!status || status === 'off-duty') return null;
    return {
      ...base(r, at, 'dike-patrol', str(r.data.section) ?? r.entityId, status, status === 'hazard-found'), category: 'dike-patrol',
      hazard: str(r.data.hazard), patrollers: num(r.data.patrollers) ?? 0,
    };
  });
}

/** Dangerous buildings (危房) of the construction register, by address: evacuated or not. */
export function readDangerousBuildings(state: LiveState): DangerousBuildingPoint[] {
  return each(state, 'dangerous-building', (r, at): DangerousBuildingPoint | null => {
    const residents = num(r.data.residents);
    const evacuated = num(r.data.evacuated);
    if (residents === null || evacuated === null) return null;
    const out = evacuated >= residents;
    return {
      ...base(r, at, 'dangerous-building', str(r.data.address) ?? r.entityId, out ? 'evacuated' : 'not-evacuated', !out), category: 'dangerous-building',
      grade: str(r.data.grade), residents, evacuated,
    };
  });
}

/** Manholes in alarm or being handled (窨井), and waterlogging points with water standing (积水点). */
export function readPonding(state: LiveState): PondingPoint[] {
  const out = each(state, 'manhole-alert', (r, at): PondingPoint | null => {
    const status = str(r.data.status);
    if (!status || status === 'normal') return null;
    return {
      ...base(r, at, 'manhole-alert', str(r.data.road) ?? r.entityId, status, status === 'alarm'), category: 'manhole-alert',
      alarmKind: str(r.data.alarm), depthCm: null,
    };
  });
  return each(state, 'waterlogging-point', (r, at): PondingPoint | null => {
    const depth = num(r.data.depthCm);
    if (depth === null || depth <= 0) return null;
    // The risk model's mark: from this depth a lane closes, so the place is a danger, not a puddle.
    const deep = depth >= WATERLOGGING_COUNT_CM;
    return { ...base(r, at, 'waterlogging-point', nameOf(r), deep ? 'ponding' : 'shallow', deep), category: 'waterlogging-point', alarmKind: null, depthCm: depth };
  }, out);
}
