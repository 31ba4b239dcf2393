// The typhoon-defence figures (防御工作落实) the wall shows: what each department has done so far,
// derived from live state. Pure: `now` is passed in.
import { categories } from '../categories/registry.ts';
import type { DepartmentId } from '../departments.ts';
import { latestIn, trendOf, type LatestRecord, type LiveState, type TrendPoint } from '../state/live-state.ts';
import { defenceTallyOf } from './defence-tally.ts';

export const DEFENCE_FIGURES = [
  'evacuated',
  'boats-in-harbour',
  'ferries-suspended',
  'schools-closed',
  'sites-stopped',
  'cranes-secured',
  'households-without-power',
  'base-stations-down',
  'roads-closed',
  'traffic-control',
  'fallen-trees',
  'reservoirs-over',
  'rivers-over',
  'tides-over',
  'casualties',
] as const;
export type DefenceFigureId = (typeof DEFENCE_FIGURES)[number];

/** How a figure reads: a count of things, people, households, boats or trees. */
export type DefenceUnit = 'people' | 'boats' | 'routes' | 'schools' | 'sites' | 'cranes' | 'households' | 'stations' | 'roads' | 'points' | 'trees' | 'reservoirs';

export interface DefenceFigure {
  id: DefenceFigureId;
  category: string;
  department: DepartmentId;
  unit: DefenceUnit;
  /** The figure now. */
  value: number;
  /**
   * What it is measured against, when the data gives one: boats registered to the harbours, routes,
   * schools, sites, cranes or stations reported. Null when there is no whole to be a part of.
   */
  of: number | null;
  /** Entities of the category in state (0 until its first record arrives). */
  entities: number;
  /** Figure-specific breakdown: boats still at sea, cranes not yet secured, deaths/injured/missing … */
  detail: Readonly<Record<string, number>>;
  /** The figure at each hour mark over the last `hours`, oldest first; the last point is now. */
  trend: number[];
}

/** Trends on the wall cover the last 6 hours, one point an hour: what the hall compares hour by hour. */
export const DEFENCE_TREND_HOURS = 6;
const HOUR = 3600_000;

type Data = Readonly<Record<string, unknown>>;
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

interface FigureRule {
  id: DefenceFigureId;
  category: string;
  unit: DefenceUnit;
  /**
   * An entity's contribution at a past moment, from its trend point there (the tallied or measured
   * value) and its latest record (a station's warning level, which the trend does not keep).
   */
  at: (pointValue: number, latest: Data) => number;
  /** The records that count (evacuation: no area twice); all of them when omitted. */
  select?: (records: readonly LatestRecord[]) => LatestRecord[];
  /** The whole, from the latest records; omitted when the figure has none. */
  of?: (records: readonly LatestRecord[]) => number;
  detail?: (records: readonly LatestRecord[]) => Record<string, number>;
}

const sum = (records: readonly LatestRecord[], f: (d: Data) => number) => records.reduce((s, r) => s + f(r.data), 0);
const tallied = (value: number) => value;
const entityCount = (records: readonly LatestRecord[]) => records.length;

/** A station is over its own level (flood limit, warning level): the thresholds travel in each record. */
const over = (limitField: string) => (level: number, d: Data) => {
  const limit = d[limitField];
  return isNum(limit) && level > limit ? 1 : 0;
};

/**
 * Evacuation is reported per district (6-digit code) or per subdistrict/town (9 or 12 digits, the
 * district's code and more). A district's count already holds its towns', so a record whose area
 * lies inside another reported area is left out: people are never counted twice.
 */
export function outermostAreas(records: readonly LatestRecord[]): LatestRecord[] {
  const codes = records.map((r) => r.entityId);
  return records.filter((r) => !codes.some((c) => c !== r.entityId && r.entityId.startsWith(c)));
}

const rules: readonly FigureRule[] = [
  { id: 'evacuated', category: 'evacuation', unit: 'people', at: tallied, select: outermostAreas },
  {
    id: 'boats-in-harbour',
    category: 'fishing-boat',
    unit: 'boats',
    at: tallied,
    // The target is every boat registered to the harbours: all of them home before landfall.
    of: (rs) => sum(rs, (d) => num(d.boatsRegistered)),
    detail: (rs) => ({ atSea: sum(rs, (d) => num(d.boatsAtSea)), peopleAboard: sum(rs, (d) => num(d.peopleAboard)) }),
  },
  { id: 'ferries-suspended', category: 'ferry-suspension', unit: 'routes', at: tallied, of: entityCount },
  {
    id: 'schools-closed',
    category: 'school-closure',
    unit: 'schools',
    at: tallied,
    of: entityCount,
    detail: (rs) => ({ students: sum(rs, (d) => (d.status === 'closed' ? num(d.students) : 0)) }),
  },
  {
    id: 'sites-stopped',
    category: 'construction-site-stop',
    unit: 'sites',
    at: tallied,
    of: entityCount,
    detail: (rs) => ({ workersEvacuated: sum(rs, (d) => num(d.workersEvacuated)) }),
  },
  {
    id: 'cranes-secured',
    category: 'tower-crane',
    unit: 'cranes',
    at: tallied,
    of: entityCount,
    detail: (rs) => ({ unsecured: sum(rs, (d) => (d.status === 'unsecured' ? 1 : 0)) }),
  },
  {
    id: 'households-without-power',
    category: 'power-outage',
    unit: 'households',
    at: tallied,
    detail: (rs) => ({ feeders: sum(rs, (d) => (d.status !== 'restored' ? 1 : 0)) }),
  },
  {
    id: 'base-stations-down',
    category: 'base-station-outage',
    unit: 'stations',
    at: tallied,
    detail: (rs) => ({ onBackup: sum(rs, (d) => (d.status === 'on-backup' ? 1 : 0)) }),
  },
  {
    id: 'roads-closed',
    category: 'road-closure',
    unit: 'roads',
    at: tallied,
    detail: (rs) => ({ closed: sum(rs, (d) => (d.status === 'closed' ? 1 : 0)), restricted: sum(rs, (d) => (d.status === 'restricted' ? 1 : 0)) }),
  },
  { id: 'traffic-control', category: 'traffic-control', unit: 'points', at: tallied },
  {
    id: 'fallen-trees',
    category: 'fallen-tree',
    unit: 'trees',
    at: tallied,
    detail: (rs) => ({ blockingRoads: sum(rs, (d) => (d.status !== 'cleared' && d.blocksRoad === true ? 1 : 0)) }),
  },
  { id: 'reservoirs-over', category: 'reservoir-level', unit: 'reservoirs', at: over('floodLimitLevelM'), of: entityCount },
  { id: 'rivers-over', category: 'river-level', unit: 'stations', at: over('warningLevelM'), of: entityCount },
  { id: 'tides-over', category: 'tide-level', unit: 'stations', at: over('warningLevelCm'), of: entityCount },
  {
    id: 'casualties',
    category: 'casualty-report',
    unit: 'people',
    at: tallied,
    detail: (rs) => ({ deaths: sum(rs, (d) => num(d.deaths)), injured: sum(rs, (d) => num(d.injured)), missing: sum(rs, (d) => num(d.missing)) }),
  },
];

/** The entity's contribution now: its tally, or for a measured category its value against its own limit. */
function nowOf(rule: FigureRule, r: LatestRecord): number {
  const tally = defenceTallyOf(rule.category, r.data);
  if (tally !== undefined) return tally;
  const field = categories.get(rule.category)?.valueField;
  return field ? rule.at(num(r.data[field]), r.data) : 0;
}

/** The newest trend point at or before `t` (points are oldest first), if any. */
function pointAt(points: readonly TrendPoint[], t: number): TrendPoint | undefined {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? points[lo - 1] : undefined;
}

/**
 * Each figure at the hour marks before `now`: every entity counts with its newest trend point at
 * that moment (nothing before its first point). The last point is the figure now, so the line ends
 * where the number reads.
 */
function trendOfFigure(state: LiveState, rule: FigureRule, records: readonly LatestRecord[], value: number, now: number, hours: number): number[] {
  const marks = Array.from({ length: hours }, (_, i) => now - (hours - i) * HOUR);
  const out = marks.map(() => 0);
  for (const r of records) {
    const points = trendOf(state, rule.category, r.entityId);
    marks.forEach((t, i) => {
      const p = pointAt(points, t);
      if (p) out[i]! += rule.at(p.value, r.data);
    });
  }
  return [...out, value];
}

/** Every defence figure, in the order the wall lists them. */
export function defenceFigures(state: LiveState, now: number, hours = DEFENCE_TREND_HOURS): DefenceFigure[] {
  return rules.map((rule) => {
    const all = Object.values(latestIn(state, rule.category));
    const records = rule.select ? rule.select(all) : all;
    const value = records.reduce((s, r) => s + nowOf(rule, r), 0);
    return {
      id: rule.id,
      category: rule.category,
      department: categories.get(rule.category)!.department,
      unit: rule.unit,
      value,
      of: rule.of && records.length > 0 ? rule.of(records) : null,
      entities: all.length,
      detail: rule.detail?.(records) ?? {},
      trend: trendOfFigure(state, rule, records, value, now, hours),
    };
  });
}
