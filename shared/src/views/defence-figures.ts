// The typhoon-defence figures (防御工作落实) of the city or of one area: what each department has done
// so far, derived from live state. The wall's panel (the city) and the console's area figures (a
// district or subdistrict) both call this, over the one rule table (defence-rules.ts). Pure: `now` is
// passed in.
import { categories } from '../categories/registry.ts';
import type { DepartmentId } from '../departments.ts';
import { latestIn, trendOf, type LatestRecord, type LiveState, type TrendPoint } from '../state/live-state.ts';
import { defenceTallyOf } from '../wall/defence-tally.ts';
import { areaIncludes, everywhere, type AreaFilter } from './defence-area.ts';
import { DEFENCE_RULES, type DefenceFigureId, type DefenceUnit, type FigureRule } from './defence-rules.ts';

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
  /** The whole when the hall drives the figure towards it (boats, schools, sites, cranes); else null. */
  target: number | null;
  /** value / target (may pass 1 when a department reports more than its whole); null without a target above 0. */
  progress: number | null;
  /** Entities of the category in the area (0 until its first record arrives: "no data", not "all clear"). */
  entities: number;
  /** The newest observation among the records counted (epoch ms), for the figure's data age; null without one. */
  newestAt: number | null;
  /** Figure-specific breakdown: boats still at sea, cranes not yet secured, deaths/injured/missing … */
  detail: Readonly<Record<string, number>>;
  /** The figure at each hour mark over the last `hours`, oldest first; the last point is now. */
  trend: number[];
}

/** Trends cover the last 6 hours, one point an hour: what the hall compares hour by hour. */
export const DEFENCE_TREND_HOURS = 6;
const HOUR = 3600_000;

export interface DefenceFiguresOptions {
  /** The area to count (a district, a subdistrict); the whole city when omitted. */
  area?: AreaFilter;
  hours?: number;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The entity's contribution now: its tally, or for a measured category its value (against its own limit). */
function nowOf(rule: FigureRule, r: LatestRecord): number {
  const tally = defenceTallyOf(rule.category, r.data);
  if (tally !== undefined) return tally;
  const field = categories.get(rule.category)?.valueField;
  const value = field ? r.data[field] : undefined;
  return isNum(value) ? rule.at(value, r.data) : 0;
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

/**
 * Every defence figure, in the order the wall lists them, for the city or for `options.area`.
 * The records a figure counts are chosen over the whole city first (evacuation: a district and its
 * towns once), then the area takes its share of them: an area's figure is a part of the city's,
 * and the districts' figures add up to the city's for records that lie in one district each.
 */
export function defenceFigures(state: LiveState, now: number, options: DefenceFiguresOptions = {}): DefenceFigure[] {
  const { area, hours = DEFENCE_TREND_HOURS } = options;
  const include = area ? areaIncludes(area.region, area.area) : everywhere;
  return DEFENCE_RULES.map((rule) => {
    const all = Object.values(latestIn(state, rule.category));
    const counted = new Set(rule.select ? rule.select(all) : all);
    const inArea = all.filter((r) => include(rule.category, r));
    const records = inArea.filter((r) => counted.has(r));
    const value = records.reduce((s, r) => s + nowOf(rule, r), 0);
    const of = rule.of && records.length > 0 ? rule.of(records) : null;
    const target = rule.target ? of : null;
    return {
      id: rule.id,
      category: rule.category,
      department: categories.get(rule.category)!.department,
      unit: rule.unit,
      value,
      of,
      target,
      progress: target ? value / target : null,
      entities: inArea.length,
      newestAt: records.reduce<number | null>((n, r) => (n === null || r.observedAt > n ? r.observedAt : n), null),
      detail: rule.detail?.(records) ?? {},
      trend: trendOfFigure(state, rule, records, value, now, hours),
    };
  });
}
