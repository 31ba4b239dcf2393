import type { AreaFigureKey, CallCategory } from '@beacon/shared';

/** The console's defence figures, calls and reports (console/figures.ts, AreaFigures.vue, CallVolume.vue, IncidentReports.vue). */
export interface FiguresMessages {
  figuresTitle: string;
  figure: Record<AreaFigureKey, string>;
  /** The figure with its unit, e.g. "1,200 人" / "1,200 people". */
  value: Record<AreaFigureKey, (n: string) => string>;
  /** Progress toward a target, e.g. "共 150 艘，67%" / "of 150, 67%". */
  ofTarget: (target: string, percent: number) => string;
  noRecords: string;
  /** Department and data age, e.g. "民政局 · 3 分钟前". */
  source: (department: string, age: string) => string;
  callsTitle: string;
  callsDistrict: string;
  callsTotal: string;
  callCategory: Record<CallCategory, string>;
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
    evacuated: (n) => `${n} 人`, boatsInHarbour: (n) => `${n} 艘`, ferriesSuspended: (n) => `${n} 条航线`, schoolsClosed: (n) => `${n} 所`,
    sitesStopped: (n) => `${n} 个`, cranesSecured: (n) => `${n} 台`, householdsOut: (n) => `${n} 户`, baseStationsDown: (n) => `${n} 个`,
    roadsClosed: (n) => `${n} 处`, trafficControls: (n) => `${n} 处`, fallenTrees: (n) => `${n} 棵`, reservoirsOver: (n) => `${n} 座`,
    riversOver: (n) => `${n} 站`, tidesOver: (n) => `${n} 站`, deaths: (n) => `${n} 人`, injured: (n) => `${n} 人`, missing: (n) => `${n} 人`,
  },
  ofTarget: (target, percent) => `共 ${target}，${percent}%`,
  noRecords: '暂无数据',
  source: (department, age) => `${department} · ${age}前`,
  callsTitle: '接警量（按区，每小时）',
  callsDistrict: '区',
  callsTotal: '合计',
  callCategory: { 'fire-call': '119 警情', 'informant-report': '信息员报告', 'casualty-report': '伤亡报告', 'accident-report': '122 事故' },
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

export const figuresEn: FiguresMessages = {
  figuresTitle: 'Typhoon defence',
  figure: {
    evacuated: 'People moved to safety', boatsInHarbour: 'Fishing boats in port', ferriesSuspended: 'Ferries suspended', schoolsClosed: 'Schools closed',
    sitesStopped: 'Building sites stopped', cranesSecured: 'Tower cranes secured', householdsOut: 'Households without power', baseStationsDown: 'Base stations down',
    roadsClosed: 'Roads closed', trafficControls: 'Traffic controls', fallenTrees: 'Fallen trees', reservoirsOver: 'Reservoirs over flood limit',
    riversOver: 'Rivers over warning', tidesOver: 'Tides over warning', deaths: 'Dead', injured: 'Injured', missing: 'Missing',
  },
  value: {
    evacuated: (n) => `${n} people`, boatsInHarbour: (n) => `${n} boats`, ferriesSuspended: (n) => `${n} routes`, schoolsClosed: (n) => `${n} schools`,
    sitesStopped: (n) => `${n} sites`, cranesSecured: (n) => `${n} cranes`, householdsOut: (n) => `${n} households`, baseStationsDown: (n) => `${n} sites`,
    roadsClosed: (n) => `${n} roads`, trafficControls: (n) => `${n} points`, fallenTrees: (n) => `${n} trees`, reservoirsOver: (n) => `${n} reservoirs`,
    riversOver: (n) => `${n} stations`, tidesOver: (n) => `${n} stations`, deaths: (n) => `${n} people`, injured: (n) => `${n} people`, missing: (n) => `${n} people`,
  },
  ofTarget: (target, percent) => `of ${target}, ${percent}%`,
  noRecords: 'No data yet',
  source: (department, age) => `${department} · ${age} ago`,
  callsTitle: 'Calls by district, per hour',
  callsDistrict: 'District',
  callsTotal: 'Total',
  callCategory: { 'fire-call': '119 calls', 'informant-report': 'Informant reports', 'casualty-report': 'Casualty reports', 'accident-report': '122 accidents' },
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
