import type { DefenceFigureId, DefenceUnit } from '@beacon/shared';

/** The typhoon-defence panel's strings (防御工作落实), kept with the panel like the forward posts'. */
export interface DefenceMessages {
  title: string;
  figure: Record<DefenceFigureId, string>;
  /** The unit after a number, e.g. "人", "艘" / "people", "boat" or "boats" (by the number it counts). */
  unit: (unit: DefenceUnit, count: number) => string;
  /** "390 / 400": a part of its whole. */
  partOf: (part: string, whole: string) => string;
  /** Shown instead of a figure whose department has sent nothing yet. */
  noData: string;
  /** Boats still at sea, e.g. "在海 10 艘". */
  boatsAtSea: (n: string) => string;
  /** Cranes not yet made safe, e.g. "未加固 2 台". */
  cranesUnsecured: (n: string) => string;
  /** Casualties by kind, in reading order, with the words around each number ("亡 1" / "1 dead"). */
  casualties: readonly (readonly ['deaths' | 'injured' | 'missing', { before: string; after: string }])[];
  /** A row's source and age, e.g. "供电 · 3 分钟前" or "供电 · 10:42 起中断". */
  source: (department: string, age: string) => string;
  /** The trend's accessible name, e.g. "近 6 小时趋势". */
  trendLabel: (hours: number) => string;
}

const unitZh: Record<DefenceUnit, string> = {
  people: '人', boats: '艘', routes: '条', schools: '所', sites: '个', cranes: '台', households: '户',
  stations: '个', roads: '处', points: '处', trees: '棵', reservoirs: '座',
};

/** Singular and plural. */
const unitEn: Record<DefenceUnit, readonly [string, string]> = {
  people: ['person', 'people'], boats: ['boat', 'boats'], routes: ['route', 'routes'], schools: ['school', 'schools'], sites: ['site', 'sites'],
  cranes: ['crane', 'cranes'], households: ['home', 'homes'], stations: ['station', 'stations'], roads: ['road', 'roads'],
  points: ['point', 'points'], trees: ['tree', 'trees'], reservoirs: ['reservoir', 'reservoirs'],
};

export const defenceZh: DefenceMessages = {
  title: '防御工作落实',
  figure: {
    evacuated: '转移人员',
    'boats-in-harbour': '渔船回港',
    'ferries-suspended': '轮渡停航',
    'schools-closed': '学校停课',
    'sites-stopped': '工地停工',
    'cranes-secured': '塔吊加固',
    'households-without-power': '停电户数',
    'base-stations-down': '基站退服',
    'roads-closed': '道路封闭',
    'traffic-control': '交通管制',
    'fallen-trees': '倒伏树木',
    'reservoirs-over': '超汛限水库',
    'rivers-over': '超警戒河道站',
    'tides-over': '超警戒潮位站',
    casualties: '人员伤亡',
  },
  unit: (u) => unitZh[u],
  partOf: (part, whole) => `${part} / ${whole}`,
  noData: '无数据',
  boatsAtSea: (n) => `在海 ${n} 艘`,
  cranesUnsecured: (n) => `未加固 ${n} 台`,
  casualties: [
    ['deaths', { before: '亡', after: '' }],
    ['injured', { before: '伤', after: '' }],
    ['missing', { before: '失踪', after: '' }],
  ],
  source: (dept, age) => `${dept} · ${age}`,
  trendLabel: (h) => `近 ${h} 小时趋势`,
};

export const defenceEn: DefenceMessages = {
  title: 'Typhoon defence',
  figure: {
    evacuated: 'People moved to safety',
    'boats-in-harbour': 'Fishing boats in port',
    'ferries-suspended': 'Ferries suspended',
    'schools-closed': 'Schools closed',
    'sites-stopped': 'Building sites stopped',
    'cranes-secured': 'Tower cranes secured',
    'households-without-power': 'Homes without power',
    'base-stations-down': 'Base stations down',
    'roads-closed': 'Roads closed',
    'traffic-control': 'Traffic control points',
    'fallen-trees': 'Fallen trees',
    'reservoirs-over': 'Reservoirs over limit',
    'rivers-over': 'Rivers over warning',
    'tides-over': 'Tides over warning',
    casualties: 'Casualties',
  },
  unit: (u, n) => (n === 1 ? unitEn[u][0] : unitEn[u][1]),
  partOf: (part, whole) => `${part} / ${whole}`,
  noData: 'No data',
  boatsAtSea: (n) => `${n} at sea`,
  cranesUnsecured: (n) => `${n} unsecured`,
  casualties: [
    ['deaths', { before: '', after: 'dead' }],
    ['injured', { before: '', after: 'injured' }],
    ['missing', { before: '', after: 'missing' }],
  ],
  source: (dept, age) => `${dept} · ${age}`,
  trendLabel: (h) => `Last ${h} hours`,
};
