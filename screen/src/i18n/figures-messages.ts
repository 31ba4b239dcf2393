import type { AreaFigureKey, CallCategory } from '@beacon/shared';

/** The console's defence figures, calls and reports (console/figures.ts, AreaFigures.vue, CallVolume.vue, IncidentReports.vue). */
export interface FiguresMessages {
  figuresTitle: string;
  figure: Record<AreaFigureKey, string>;
  /** The figure with its unit, e.g. "1,200 人" / "1,200 people": `n` is the number (for the plural), `s` as written. */
  value: Record<AreaFigureKey, (n: number, s: string) => string>;
  /** Progress toward a target, e.g. "共 150 艘，67%" / "of 150, 67%". */
  ofTarget: (target: string, percent: number) => string;
  noRecords: string;
  /** Department and data age, e.g. "民政局 · 3 分钟前". */
  source: (department: string, age: string) => string;
  /** Department and when, for data older than a day, e.g. "民政局 · 9月14日 08:05". */
  sourceAt: (department: string, when: string) => string;
  callsTitle: string;
  callsDistrict: string;
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
    evacuated: '转移人员', boatsInHarbour: '渔船回港', ferriesSuspended: '客渡停航', schoolsClosed: '学校停课',
    sitesStopped: '工地停工', cranesSecured: '塔吊加固', householdsOut: '停电户数', baseStationsDown: '基站退服',
    roadsClosed: '道路封闭', trafficControls: '交通管制', fallenTrees: '倒伏树木', reservoirsOver: '水库超汛限',
    riversOver: '河道超警', tidesOver: '潮位超警', deaths: '死亡', injured: '受伤', missing: '失联',
  },
  value: {
    evacuated: (_, s) => `${s} 人`, boatsInHarbour: (_, s) => `${s} 艘`, ferriesSuspended: (_, s) => `${s} 条航线`, schoolsClosed: (_, s) => `${s} 所`,
    sitesStopped: (_, s) => `${s} 个`, cranesSecured: (_, s) => `${s} 台`, householdsOut: (_, s) => `${s} 户`, baseStationsDown: (_, s) => `${s} 个`,
    roadsClosed: (_, s) => `${s} 处`, trafficControls: (_, s) => `${s} 处`, fallenTrees: (_, s) => `${s} 棵`, reservoirsOver: (_, s) => `${s} 座`,
    riversOver: (_, s) => `${s} 站`, tidesOver: (_, s) => `${s} 站`, deaths: (_, s) => `${s} 人`, injured: (_, s) => `${s} 人`, missing: (_, s) => `${s} 人`,
  },
  ofTarget: (target, percent) => `共 ${target}，${percent}%`,
  noRecords: '暂无数据',
  source: (department, age) => `${department} · ${age}前`,
  sourceAt: (department, when) => `${department} · ${when}`,
  callsTitle: '接警量（按区，每小时）',
  callsDistrict: '区',
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
    evacuated: 'People moved to safety', boatsInHarbour: 'Fishing boats in port', ferriesSuspended: 'Ferries suspended', schoolsClosed: 'Schools closed',
    sitesStopped: 'Building sites stopped', cranesSecured: 'Tower cranes secured', householdsOut: 'Households without power', baseStationsDown: 'Base stations down',
    roadsClosed: 'Roads closed', trafficControls: 'Traffic controls', fallenTrees: 'Fallen trees', reservoirsOver: 'Reservoirs over flood limit',
    riversOver: 'Rivers over warning', tidesOver: 'Tides over warning', deaths: 'Dead', injured: 'Injured', missing: 'Missing',
  },
  value: {
    evacuated: (n, s) => `${s} ${n === 1 ? 'person' : 'people'}`, boatsInHarbour: (n, s) => `${s} ${pl(n, 'boat')}`,
    ferriesSuspended: (n, s) => `${s} ${pl(n, 'route')}`, schoolsClosed: (n, s) => `${s} ${pl(n, 'school')}`,
    sitesStopped: (n, s) => `${s} ${pl(n, 'site')}`, cranesSecured: (n, s) => `${s} ${pl(n, 'crane')}`,
    householdsOut: (n, s) => `${s} ${pl(n, 'household')}`, baseStationsDown: (n, s) => `${s} ${pl(n, 'site')}`,
    roadsClosed: (n, s) => `${s} ${pl(n, 'road')}`, trafficControls: (n, s) => `${s} ${pl(n, 'point')}`,
    fallenTrees: (n, s) => `${s} ${pl(n, 'tree')}`, reservoirsOver: (n, s) => `${s} ${pl(n, 'reservoir')}`,
    riversOver: (n, s) => `${s} ${pl(n, 'station')}`, tidesOver: (n, s) => `${s} ${pl(n, 'station')}`,
    deaths: (n, s) => `${s} ${n === 1 ? 'person' : 'people'}`, injured: (n, s) => `${s} ${n === 1 ? 'person' : 'people'}`,
    missing: (n, s) => `${s} ${n === 1 ? 'person' : 'people'}`,
  },
  ofTarget: (target, percent) => `of ${target}, ${percent}%`,
  noRecords: 'No data yet',
  source: (department, age) => `${department} · ${age} ago`,
  sourceAt: (department, when) => `${department} · ${when}`,
  callsTitle: 'Calls by district, per hour',
  callsDistrict: 'District',
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
