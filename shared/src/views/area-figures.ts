import { categories } from '../categories/registry.ts';
import type { DepartmentId } from '../departments.ts';
import { latestIn, type LatestRecord, type LiveState } from '../state/live-state.ts';
import { defenceTallyOf } from '../wall/defence-tally.ts';
import { outermostAreas } from '../wall/defence.ts';

/** Whether a record is in the area asked about (a view's `ViewFilter.includes`, or everything for the city). */
export type AreaInclude = (category: string, rec: LatestRecord) => boolean;

export const everywhere: AreaInclude = () => true;

/** The typhoon-defence figures a hall watches, each read from one category. */
export const AREA_FIGURE_KEYS = [
  'evacuated', 'boatsInHarbour', 'ferriesSuspended', 'schoolsClosed', 'sitesStopped', 'cranesSecured',
  'householdsOut', 'baseStationsDown', 'roadsClosed', 'trafficControls', 'fallenTrees',
  'reservoirsOver', 'riversOver', 'tidesOver', 'deaths', 'injured', 'missing',
] as const;
export type AreaFigureKey = (typeof AREA_FIGURE_KEYS)[number];

export interface AreaFigure {
  key: AreaFigureKey;
  category: string;
  department: DepartmentId | null;
  value: number;
  /** What the figure should reach where one exists (boats registered, schools, sites, cranes): progress = value / target. */
  target: number | null;
  /** Entities of the category in the area: 0 means the department has sent nothing for it, not "all clear". */
  records: number;
  /** The newest observation among them (epoch ms), for the figure's data age; null without records. */
  newestAt: number | null;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

interface FigureRule {
  category: string;
  /** What one record adds to the figure. */
  value: (d: Record<string, unknown>) => number;
  /** What one record adds to the target, when the figure has one. */
  target?: (d: Record<string, unknown>) => number;
  /** The records that count (evacuation: a district and its towns both report; count the district once). */
  select?: (records: readonly LatestRecord[]) => LatestRecord[];
}

const countIf = (pred: (d: Record<string, unknown>) => boolean) => (d: Record<string, unknown>) => (pred(d) ? 1 : 0);
const one = () => 1;
/** Over a level only when both levels are numbers: a station without its warning level is not "over". */
const over = (level: string, limit: string) => countIf((d) => typeof d[level] === 'number' && typeof d[limit] === 'number' && num(d[level]) > num(d[limit]));

/**
 * What one entity adds to its figure: the same tally the wall's defence panel and the reducer's trend use
 * (wall/defence-tally.ts), so a district's figures add up to the city's on the wall.
 */
const tally = (category: string) => (d: Record<string, unknown>) => defenceTallyOf(category, d) ?? 0;

const rules: Record<AreaFigureKey, FigureRule> = {
  evacuated: { category: 'evacuation', value: (d) => num(d.evacuatedPeople), select: outermostAreas },
  boatsInHarbour: { category: 'fishing-boat', value: tally('fishing-boat'), target: (d) => num(d.boatsRegistered) },
  ferriesSuspended: { category: 'ferry-suspension', value: tally('ferry-suspension') },
  schoolsClosed: { category: 'school-closure', value: tally('school-closure'), target: one },
  sitesStopped: { category: 'construction-site-stop', value: tally('construction-site-stop'), target: one },
  cranesSecured: { category: 'tower-crane', value: tally('tower-crane'), target: one },
  householdsOut: { category: 'power-outage', value: tally('power-outage') },
  baseStationsDown: { category: 'base-station-outage', value: tally('base-station-outage') },
  roadsClosed: { category: 'road-closure', value: tally('road-closure') },
  trafficControls: { category: 'traffic-control', value: tally('traffic-control') },
  fallenTrees: { category: 'fallen-tree', value: tally('fallen-tree') },
  reservoirsOver: { category: 'reservoir-level', value: over('levelM', 'floodLimitLevelM') },
  riversOver: { category: 'river-level', value: over('levelM', 'warningLevelM') },
  tidesOver: { category: 'tide-level', value: over('levelCm', 'warningLevelCm') },
  deaths: { category: 'casualty-report', value: (d) => num(d.deaths) },
  injured: { category: 'casualty-report', value: (d) => num(d.injured) },
  missing: { category: 'casualty-report', value: (d) => num(d.missing) },
};

/** The category each figure is read from (for placements, legends and data age). */
export function figureCategory(key: AreaFigureKey): string {
  return rules[key].category;
}

/**
 * The defence figures of an area, in AREA_FIGURE_KEYS order: people moved, boats in harbour, closures,
 * outages, stations over their levels, casualties. `include` decides what is in the area, so a
 * district, a subdistrict and the city are one function.
 */
export function areaFigures(state: Pick<LiveState, 'latest'>, include: AreaInclude = everywhere): AreaFigure[] {
  return AREA_FIGURE_KEYS.map((key) => {
    const rule = rules[key];
    let value = 0;
    let target = 0;
    let records = 0;
    let newestAt: number | null = null;
    const inArea = Object.values(latestIn(state, rule.category)).filter((rec) => include(rule.category, rec));
    for (const rec of rule.select ? rule.select(inArea) : inArea) {
      records++;
      value += rule.value(rec.data);
      if (rule.target) target += rule.target(rec.data);
      if (newestAt === null || rec.observedAt > newestAt) newestAt = rec.observedAt;
    }
    return {
      key, category: rule.category, department: categories.get(rule.category)?.department ?? null,
      value, target: rule.target && records > 0 ? target : null, records, newestAt,
    };
  });
}
