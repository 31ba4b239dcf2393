// The one rule table of the typhoon-defence figures (防御工作落实): what each figure counts, what it is
// measured against, and its breakdown. The wall's panel and the console's area figures both read it
// through defenceFigures (defence-figures.ts); before, each had its own table and they drifted apart.
import type { LatestRecord } from '../state/live-state.ts';

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

type Data = Readonly<Record<string, unknown>>;

export interface FigureRule {
  id: DefenceFigureId;
  category: string;
  unit: DefenceUnit;
  /**
   * What a measured entity (one with a valueField: a station's level, an area's people moved) adds,
   * from its value at some moment and its latest record (a station's warning level, which the trend
   * does not keep). Tallied categories add their tally (wall/defence-tally.ts) and use `tallied`.
   */
  at: (value: number, latest: Data) => number;
  /** The records that count (evacuation: no area twice); all of them when omitted. */
  select?: (records: readonly LatestRecord[]) => LatestRecord[];
  /** The whole the figure is a part of, from the latest records; omitted when the figure has none. */
  of?: (records: readonly LatestRecord[]) => number;
  /**
   * The whole is what the hall drives the figure towards (every boat home, every school closed):
   * then it is the figure's target and progress is value / whole. Stations over their levels have a
   * whole (the stations reported) but no target.
   */
  target?: true;
  detail?: (records: readonly LatestRecord[]) => Record<string, number>;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const sum = (records: readonly LatestRecord[], f: (d: Data) => number) => records.reduce((s, r) => s + f(r.data), 0);
const tallied = (value: number) => value;
const entityCount = (records: readonly LatestRecord[]) => records.length;

/** A station is over its own level (flood limit, warning level) only when it has one: the thresholds travel in each record. */
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

export const DEFENCE_RULES: readonly FigureRule[] = [
  { id: 'evacuated', category: 'evacuation', unit: 'people', at: tallied, select: outermostAreas },
  {
    id: 'boats-in-harbour',
    category: 'fishing-boat',
    unit: 'boats',
    at: tallied,
    // The target is every boat registered to the harbours: all of them home before landfall.
    of: (rs) => sum(rs, (d) => num(d.boatsRegistered)),
    target: true,
    detail: (rs) => ({ atSea: sum(rs, (d) => num(d.boatsAtSea)), peopleAboard: sum(rs, (d) => num(d.peopleAboard)) }),
  },
  { id: 'ferries-suspended', category: 'ferry-suspension', unit: 'routes', at: tallied, of: entityCount },
  {
    id: 'schools-closed',
    category: 'school-closure',
    unit: 'schools',
    at: tallied,
    of: entityCount,
    target: true,
    detail: (rs) => ({ students: sum(rs, (d) => (d.status === 'closed' ? num(d.students) : 0)) }),
  },
  {
    id: 'sites-stopped',
    category: 'construction-site-stop',
    unit: 'sites',
    at: tallied,
    of: entityCount,
    target: true,
    detail: (rs) => ({ workersEvacuated: sum(rs, (d) => num(d.workersEvacuated)) }),
  },
  {
    id: 'cranes-secured',
    category: 'tower-crane',
    unit: 'cranes',
    at: tallied,
    of: entityCount,
    target: true,
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
    // Dead, injured and missing are read apart: a total would hide the one that matters most.
    detail: (rs) => ({ deaths: sum(rs, (d) => num(d.deaths)), injured: sum(rs, (d) => num(d.injured)), missing: sum(rs, (d) => num(d.missing)) }),
  },
];
