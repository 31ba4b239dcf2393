import type { WatchKind } from '@beacon/shared';

/** The surroundings panel's strings (周边资源), plugged into i18n/messages.ts as `t.surroundings`. */
export interface SurroundingsMessages {
  title: string;
  /** e.g. "周边资源 · 集美区灌口镇山体滑坡". */
  titleFor: (incident: string) => string;
  teams: string;
  supplyCircle: (radiusKm: string) => string;
  hospitals: string;
  shelters: string;
  population: string;
  /** e.g. "1 公里内". */
  withinKm: (km: number) => string;
  km: (km: string) => string;
  /** ETA, e.g. "约 12 分钟"; under a minute "1 分钟内". */
  eta: (minutes: number) => string;
  fireStation: string;
  assignedHere: string;
  freeBeds: (free: string, total: string) => string;
  freePlaces: (free: string) => string;
  shelterFull: string;
  people: (n: string) => string;
  /** The unit of a ring's people, set smaller than the figure. */
  peopleUnit: string;
  noDepotInHour: string;
  nearestOutside: (name: string, eta: string) => string;
  noneNearby: string;
  noGrid: string;
  /** One line of a depot's stock: Chinese keeps the depot's own counting unit ("冲锋舟 4 艘"); English has none to give ("Assault boats 4"). */
  stockLine: (item: string, quantity: string, unit: string) => string;
  /** Joins the reasons roads are slow. */
  reasonsJoin: string;
  hazards: string;
  hazardKind: Record<'road-closure' | 'traffic-control' | 'power-outage' | 'base-station-outage' | 'reservoir-level' | 'river-level' | 'tide-level', string>;
  householdsOut: (n: string) => string;
  /** How far a station is over its level: metres (rivers, reservoirs) or centimetres (tides). */
  overByM: (m: string) => string;
  overByCm: (cm: string) => string;
  /** Why ETAs are longer, e.g. "路况：暴雨 · 行程时间 ×1.25". */
  slowdown: (reasons: string, factor: string) => string;
  /** Sluices, pumps, dikes, dangerous buildings, manholes and ponding points near the incident. */
  watch: WatchMessages;
  loading: string;
  failed: (message: string) => string;
}

/** The words of flood works and weak spots: each kind's heading and each status the departments send. */
export interface WatchMessages {
  title: string;
  kind: Record<WatchKind, string>;
  sluiceStatus: Record<string, string>;
  /** An open sluice with its gate opening in metres. */
  gateOpen: (m: string) => string;
  pumpStatus: Record<string, string>;
  pumpsRunning: (running: string, total: string) => string;
  patrolling: (people: string) => string;
  /** A hazard found on a dike, with what it is (may be empty). */
  hazardFound: (hazard: string) => string;
  dikeHazard: Record<string, string>;
  /** A dangerous building: its grade (may be empty) and its residents, all out or how many of them. */
  evacuated: (grade: string, residents: string) => string;
  notEvacuated: (grade: string, out: string, residents: string) => string;
  /** A waterlogging point's standing water, cm. Figures keep their unit with a no-break space. */
  standing: (cm: string) => string;
  manholeStatus: Record<string, string>;
  manholeAlarm: Record<string, string>;
  /** How many more of a kind are within 5 km than are shown. */
  more: (n: string) => string;
}

export const surroundingsZh: SurroundingsMessages = {
  title: '周边资源',
  titleFor: (incident) => `周边资源 · ${incident}`,
  teams: '最近救援力量',
  supplyCircle: (r) => `1小时物资保障圈 · 半径\u00a0${r}\u00a0公里`,
  hospitals: '医院空床',
  shelters: '避灾点余量',
  population: '周边人口',
  withinKm: (km) => `${km} 公里内`,
  km: (km) => `${km} 公里`,
  eta: (m) => (m < 1 ? '1 分钟内' : `约 ${Math.round(m)} 分钟`),
  fireStation: '消防站',
  assignedHere: '已派往',
  freeBeds: (free, total) => `空床 ${free} / ${total}`,
  freePlaces: (free) => `可容纳 ${free} 人`,
  shelterFull: '已满',
  people: (n) => `${n} 人`,
  peopleUnit: '人',
  noDepotInHour: '1小时内无储备库可达',
  nearestOutside: (name, eta) => `最近：${name}，${eta}`,
  noneNearby: '附近暂无',
  noGrid: '暂无人口热力数据',
  // No-break spaces: a wrapped line never leaves a quantity apart from its item.
  stockLine: (item, quantity, unit) => `${item}\u00a0${quantity}${unit ? `\u00a0${unit}` : ''}`,
  reasonsJoin: '；',
  hazards: '周边险情（5 公里内）',
  hazardKind: {
    'road-closure': '道路封闭', 'traffic-control': '交通管制', 'power-outage': '停电', 'base-station-outage': '基站退服',
    'reservoir-level': '水库超汛限', 'river-level': '河道超警', 'tide-level': '潮位超警',
  },
  householdsOut: (n) => `${n} 户`,
  overByM: (m) => `超 ${m} 米`,
  overByCm: (cm) => `超 ${cm} 厘米`,
  slowdown: (reasons, factor) => `路况：${reasons} · 行程时间 ×${factor}`,
  watch: {
    title: '周边防汛设施与隐患（5 公里内）',
    kind: { sluices: '水闸', pumps: '泵站', dikes: '堤防/海堤', dangerousBuildings: '危房', ponding: '窨井/积水点' },
    sluiceStatus: { open: '开启', closed: '关闭', fault: '故障' },
    gateOpen: (m) => `开启 ${m}\u00a0米`,
    pumpStatus: { running: '运行', stopped: '停机', standby: '待命', offline: '离线', fault: '故障' },
    pumpsRunning: (running, total) => `运行 ${running}/${total}\u00a0台`,
    patrolling: (people) => `巡查中 ${people}\u00a0人`,
    hazardFound: (hazard) => (hazard ? `发现险情：${hazard}` : '发现险情'),
    dikeHazard: { seepage: '渗水', piping: '管涌', slump: '滑坡', crack: '裂缝', overtopping: '漫顶', 'wave-erosion': '浪坎' },
    evacuated: (grade, residents) => `${grade ? `${grade}级 · ` : ''}已全部撤离 ${residents}\u00a0人`,
    notEvacuated: (grade, out, residents) => `${grade ? `${grade}级 · ` : ''}已撤 ${out}/${residents}\u00a0人`,
    standing: (cm) => `积水 ${cm}\u00a0厘米`,
    manholeStatus: { alarm: '井盖告警', handling: '井盖处置中' },
    manholeAlarm: { 'cover-displaced': '井盖移位', overflow: '冒溢', gas: '气体超标' },
    more: (n) => `另\u00a0${n}\u00a0处`,
  },
  loading: '正在汇聚周边资源…',
  failed: (message) => `周边资源获取失败：${message}`,
};

export const surroundingsEn: SurroundingsMessages = {
  title: 'Surroundings',
  titleFor: (incident) => `Surroundings · ${incident}`,
  teams: 'Nearest forces',
  supplyCircle: (r) => `1-hour supply circle · radius\u00a0${r}\u00a0km`,
  hospitals: 'Hospital beds',
  shelters: 'Shelter places',
  population: 'People nearby',
  withinKm: (km) => `within ${km} km`,
  km: (km) => `${km} km`,
  eta: (m) => (m < 1 ? 'under 1 min' : `~${Math.round(m)} min`),
  fireStation: 'Fire station',
  assignedHere: 'Sent here',
  freeBeds: (free, total) => `${free} / ${total} beds free`,
  freePlaces: (free) => `${free} places free`,
  shelterFull: 'Full',
  people: (n) => `${n} people`,
  peopleUnit: 'people',
  noDepotInHour: 'No depot within an hour',
  nearestOutside: (name, eta) => `Nearest: ${name}, ${eta}`,
  noneNearby: 'None nearby',
  noGrid: 'No population data yet',
  stockLine: (item, quantity) => `${item}\u00a0${quantity}`,
  reasonsJoin: '; ',
  hazards: 'Hazards within 5 km',
  hazardKind: {
    'road-closure': 'Road closed', 'traffic-control': 'Traffic control', 'power-outage': 'Power out', 'base-station-outage': 'Base station down',
    'reservoir-level': 'Reservoir over limit', 'river-level': 'River over warning', 'tide-level': 'Tide over warning',
  },
  householdsOut: (n) => `${n} households`,
  overByM: (m) => `${m} m over`,
  overByCm: (cm) => `${cm} cm over`,
  slowdown: (reasons, factor) => `Roads: ${reasons} · travel times ×${factor}`,
  watch: {
    title: 'Flood works and weak spots within 5 km',
    kind: { sluices: 'Sluices', pumps: 'Pumping stations', dikes: 'Dikes, seawalls', dangerousBuildings: 'Dangerous buildings', ponding: 'Manholes, ponding' },
    sluiceStatus: { open: 'Open', closed: 'Closed', fault: 'Fault' },
    gateOpen: (m) => `Open ${m}\u00a0m`,
    pumpStatus: { running: 'Running', stopped: 'Stopped', standby: 'Standby', offline: 'Offline', fault: 'Fault' },
    pumpsRunning: (running, total) => `${running}/${total} pumps running`,
    patrolling: (people) => `Patrolling, ${people} people`,
    hazardFound: (hazard) => (hazard ? `Hazard: ${hazard}` : 'Hazard found'),
    dikeHazard: { seepage: 'seepage', piping: 'piping', slump: 'slump', crack: 'crack', overtopping: 'overtopping', 'wave-erosion': 'wave erosion' },
    evacuated: (grade, residents) => `${grade ? `Grade\u00a0${grade} · ` : ''}all ${residents} out`,
    notEvacuated: (grade, out, residents) => `${grade ? `Grade\u00a0${grade} · ` : ''}${out} of ${residents} out`,
    standing: (cm) => `Water ${cm}\u00a0cm deep`,
    manholeStatus: { alarm: 'Manhole alarm', handling: 'Manhole being handled' },
    manholeAlarm: { 'cover-displaced': 'cover displaced', overflow: 'overflowing', gas: 'gas' },
    more: (n) => `+${n}\u00a0more`,
  },
  loading: 'Gathering the surroundings…',
  failed: (message) => `Could not load the surroundings: ${message}`,
};
