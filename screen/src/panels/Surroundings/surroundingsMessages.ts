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
  loading: string;
  failed: (message: string) => string;
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
  loading: 'Gathering the surroundings…',
  failed: (message) => `Could not load the surroundings: ${message}`,
};
