import type { CallCategory, DefenceFigureId } from '@beacon/shared';

/** Figures read as one number with its unit (casualties read as three: `casualties`). */
type CountedFigure = Exclude<DefenceFigureId, 'casualties'>;

/** The console's defence figures, calls and reports (console/figures.ts, AreaFigures.vue, CallVolume.vue, IncidentReports.vue). */
export interface FiguresMessages {
  figuresTitle: string;
  figure: Record<DefenceFigureId, string>;
  /** The figure with its unit, e.g. "1,200 人" / "1,200 people": `n` is the number (for the plural), `s` as written. */
  value: Record<CountedFigure, (n: number, s: string) => string>;
  /** Dead, injured and missing, each read apart (on the casualties figure and a casualty report's line). */
  casualty: Record<'deaths' | 'injured' | 'missing', string>;
  /** The change over the trend's hours, e.g. "6 小时 +120" / "+120 in 6 h"; `change` is signed. */
  trendChange: (hours: number, change: string) => string;
  /** No change over the trend's hours. */
  trendFlat: (hours: number) => string;
  /** What the sparkline shows, for a screen reader. */
  trendLabel: (hours: number) => string;
  /** Hour by hour, for the calls chart's screen-reader label. */
  callsChartLabel: string;
  /** Progress toward a target, e.g. "共 150 艘，67%" / "of 150, 67%". */
  ofTarget: (target: string, percent: number) => string;
  noRecords: string;
  /** Department and data age, e.g. "民政局 · 3 分钟前". */
  source: (department: string, age: string) => string;
  /** Department and when, for data older than a day, e.g. "民政局 · 9月14日 08:05". */
  sourceAt: (department: string, when: string) => string;
  callsTitle: string;
  /** Over the legend: each district's calls over the hours shown. */
  callsTotal: string;
  callCategory: Record<CallCategory, string>;
  /** One call or report's kind, on its row. */
  reportKind: Record<CallCategory, string>;
  reportsTitle: string;
  areaReportsTitle: string;
  noReports: string;
  matchById: string;
  matchByPlace: (km: string) => string;
  trafficTitle: string;
  noTraffic: string;
  congestion: (index: string, speed: string | null) => string;
  busTitle: string;
  noBus: string;
  busStatus: Record<'normal' | 'diverted' | 'shortened' | 'suspended', string>;
}

export const figuresZh: FiguresMessages = {
  figuresTitle: '防御工作落实',
  figure: {
    evacuated: '转移人员', 'boats-in-harbour': '渔船回港', 'ferries-suspended': '客渡停航', 'schools-closed': '学校停课',
    'sites-stopped': '工地停工', 'cranes-secured': '塔吊加固', 'households-without-power': '停电户数', 'base-stations-down': '基站退服',
    'roads-closed': '道路封闭', 'traffic-control': '交通管制', 'fallen-trees': '倒伏树木', 'reservoirs-over': '水库超汛限',
    'rivers-over': '河道超警', 'tides-over': '潮位超警', casualties: '人员伤亡',
  },
  value: {
    evacuated: (_, s) => `${s} 人`, 'boats-in-harbour': (_, s) => `${s} 艘`, 'ferries-suspended': (_, s) => `${s} 条航线`, 'schools-closed': (_, s) => `${s} 所`,
    'sites-stopped': (_, s) => `${s} 个`, 'cranes-secured': (_, s) => `${s} 台`, 'households-without-power': (_, s) => `${s} 户`, 'base-stations-down': (_, s) => `${s} 个`,
    'roads-closed': (_, s) => `${s} 处`, 'traffic-control': (_, s) => `${s} 处`, 'fallen-trees': (_, s) => `${s} 棵`, 'reservoirs-over': (_, s) => `${s} 座`,
    'rivers-over': (_, s) => `${s} 站`, 'tides-over': (_, s) => `${s} 站`,
  },
  casualty: { deaths: '死亡', injured: '受伤', missing: '失联' },
  trendChange: (h, change) => `${h} 小时 ${change}`,
  trendFlat: (h) => `${h} 小时无变化`,
  trendLabel: (h) => `近 ${h} 小时趋势`,
  callsChartLabel: '各区每小时接警量折线图',
  ofTarget: (target, percent) => `共 ${target}，${percent}%`,
  noRecords: '暂无数据',
  source: (department, age) => `${department} · ${age}前`,
  sourceAt: (department, when) => `${department} · ${when}`,
  callsTitle: '接警量（按区，每小时）',
  callsTotal: '合计',
  callCategory: { 'fire-call': '119 警情', 'informant-report': '信息员报告', 'casualty-report': '伤亡报告', 'accident-report': '122 事故' },
  reportKind: { 'fire-call': '119 警情', 'informant-report': '信息员报告', 'casualty-report': '伤亡报告', 'accident-report': '122 事故' },
  reportsTitle: '相关警情与报告',
  areaReportsTitle: '最新警情与报告',
  noReports: '暂无警情与报告',
  matchById: '已关联',
  matchByPlace: (km) => `相距 ${km} 公里`,
  trafficTitle: '路况',
  noTraffic: '暂无路况数据',
  congestion: (index, speed) => `拥堵指数 ${index}${speed ? `，车速 ${speed} 公里/时` : ''}`,
  busTitle: '公交',
  noBus: '暂无公交数据',
  busStatus: { normal: '正常', diverted: '绕行', shortened: '缩线', suspended: '停运' },
};

/** An English noun for a count: "1 road", "2 roads". */
const pl = (n: number, one: string) => (n === 1 ? one : `${one}s`);

export const figuresEn: FiguresMessages = {
  figuresTitle: 'Typhoon defence',
  figure: {
    evacuated: 'People moved to safety', 'boats-in-harbour': 'Fishing boats in port', 'ferries-suspended': 'Ferries suspended', 'schools-closed': 'Schools closed',
    'sites-stopped': 'Building sites stopped', 'cranes-secured': 'Tower cranes secured', 'households-without-power': 'Households without power', 'base-stations-down': 'Base stations down',
    'roads-closed': 'Roads closed', 'traffic-control': 'Traffic controls', 'fallen-trees': 'Fallen trees', 'reservoirs-over': 'Reservoirs over flood limit',
    'rivers-over': 'Rivers over warning', 'tides-over': 'Tides over warning', casualties: 'Casualties',
  },
  value: {
    evacuated: (n, s) => `${s} ${n === 1 ? 'person' : 'people'}`, 'boats-in-harbour': (n, s) => `${s} ${pl(n, 'boat')}`,
    'ferries-suspended': (n, s) => `${s} ${pl(n, 'route')}`, 'schools-closed': (n, s) => `${s} ${pl(n, 'school')}`,
    'sites-stopped': (n, s) => `${s} ${pl(n, 'site')}`, 'cranes-secured': (n, s) => `${s} ${pl(n, 'crane')}`,
    'households-without-power': (n, s) => `${s} ${pl(n, 'household')}`, 'base-stations-down': (n, s) => `${s} ${pl(n, 'site')}`,
    'roads-closed': (n, s) => `${s} ${pl(n, 'road')}`, 'traffic-control': (n, s) => `${s} ${pl(n, 'point')}`,
    'fallen-trees': (n, s) => `${s} ${pl(n, 'tree')}`, 'reservoirs-over': (n, s) => `${s} ${pl(n, 'reservoir')}`,
    'rivers-over': (n, s) => `${s} ${pl(n, 'station')}`, 'tides-over': (n, s) => `${s} ${pl(n, 'station')}`,
  },
  casualty: { deaths: 'Dead', injured: 'Injured', missing: 'Missing' },
  trendChange: (h, change) => `${change} in ${h} h`,
  trendFlat: (h) => `No change in ${h} h`,
  trendLabel: (h) => `Last ${h} hours`,
  callsChartLabel: 'Calls per hour by district, line chart',
  ofTarget: (target, percent) => `of ${target}, ${percent}%`,
  noRecords: 'No data yet',
  source: (department, age) => `${department} · ${age} ago`,
  sourceAt: (department, when) => `${department} · ${when}`,
  callsTitle: 'Calls by district, per hour',
  callsTotal: 'Total',
  callCategory: { 'fire-call': '119 calls', 'informant-report': 'Informant reports', 'casualty-report': 'Casualty reports', 'accident-report': '122 accidents' },
  reportKind: { 'fire-call': '119 call', 'informant-report': 'Informant report', 'casualty-report': 'Casualty report', 'accident-report': '122 accident' },
  reportsTitle: 'Calls and reports',
  areaReportsTitle: 'Latest calls and reports',
  noReports: 'No related reports',
  matchById: 'Linked',
  matchByPlace: (km) => `${km} km away`,
  trafficTitle: 'Traffic',
  noTraffic: 'No traffic data yet',
  congestion: (index, speed) => `congestion ${index}${speed ? `, ${speed} km/h` : ''}`,
  busTitle: 'Buses',
  noBus: 'No bus data yet',
  busStatus: { normal: 'Normal', diverted: 'Diverted', shortened: 'Shortened', suspended: 'Suspended' },
};
