import type { Grade, LocalName, MapLayerId, TyphoonGrade } from '@beacon/shared';

/** The command-hall wall's own strings (header, one-map layers, side panels), kept apart from the rain panels'. */
export interface WallMessages {
  /** The wall header's title: shorter than appTitle in English so the typhoon keeps its room. */
  /** The region's name: 厦门市 in Chinese, Xiamen in English. */
  headerTitle: (city: LocalName) => string;
  responseNone: string;
  /** e.g. "Ⅱ级应急响应". */
  responseLevel: (roman: string) => string;
  typhoonNone: string;
  typhoonName: (id: string, name: string) => string;
  typhoonGrade: Record<TyphoonGrade, string>;
  /** e.g. "距厦门 120 公里 · 东南": the city is the region's name. */
  typhoonDistance: (city: LocalName, km: number, direction: string) => string;
  typhoonWind: (ms: number) => string;
  typhoonPressure: (hpa: number) => string;
  /** N, NE, E … NW. */
  compass: readonly string[];
  oneMapTitle: string;
  legendLayers: string;
  layer: Record<MapLayerId, string>;
  riskGrade: Record<Grade, string>;
  forecastPath: string;
  windRadius: (force: 7 | 10 | 12) => string;
  /** e.g. "自 14:05 中断". */
  silentSince: (hhmm: string) => string;
  lateSince: (hhmm: string) => string;
  warningsTitle: string;
  warningsEmpty: string;
  warningLevel: Record<'blue' | 'yellow' | 'orange' | 'red', string>;
  /**
   * Names for the warning types departments send in Chinese (<event>, GB/T 27962 signal names and
   * the hydrological and geological ones); a type not listed is shown as sent.
   */
  warningEvent: Record<string, string>;
  wholeCity: string;
  forcesTitle: string;
  teamStatus: Record<'standby' | 'dispatched' | 'on-site' | 'returning' | 'resting', string>;
  teamsUnit: string;
  peopleUnit: string;
  stockTitle: string;
  stockItem: Record<string, string>;
  sheltersLine: (open: number, occupancy: string, capacity: string) => string;
  incidentsTitle: string;
  incidentsEmpty: string;
  severity: Record<'I' | 'II' | 'III' | 'IV', string>;
  incidentStatus: Record<'open' | 'handling' | 'closed', string>;
  ago: (age: string) => string;
  trapped: (n: number) => string;
  feedHealthTitle: string;
  departmentShort: Record<string, string>;
  /**
   * Names on the department tiles where the short name does not fit a tile (six to a row on the 16:9
   * wall, ~7 characters at the wall's type): "Construction" was cut to "Constru". The full name is the
   * tile's title. Absent: the short names fit.
   */
  departmentTile?: Record<string, string>;
  dutyTitle: string;
  dutyEmpty: string;
  dutyRole: Record<'leader' | 'chief' | 'officer', string>;
  shift: (from: string, to: string) => string;
}

export const wallZh: WallMessages = {
  headerTitle: (city) => `${city.zh}应急指挥中心 · 一张图`,
  responseNone: '未启动应急响应',
  responseLevel: (roman) => `${roman}级应急响应`,
  typhoonNone: '当前无台风',
  typhoonName: (id, name) => `${id} 号台风“${name}”`,
  typhoonGrade: { TD: '热带低压', TS: '热带风暴', STS: '强热带风暴', TY: '台风', STY: '强台风', SuperTY: '超强台风' },
  typhoonDistance: (city, km, dir) => `距${city.zh.replace(/市$/, '')} ${km} 公里 · ${dir}`,
  typhoonWind: (ms) => `${ms} 米/秒`,
  typhoonPressure: (hpa) => `${hpa} 百帕`,
  compass: ['北', '东北', '东', '东南', '南', '西南', '西', '西北'],
  oneMapTitle: '突发事件处置一张图',
  legendLayers: '图层',
  layer: {
    risk: '综合风险',
    population: '人口热力',
    typhoon: '台风路径',
    rain: '雨量站',
    geohazard: '地灾隐患点',
    waterlogging: '内涝点',
    shelter: '避灾点',
    depot: '物资储备库',
    team: '救援队伍',
    incident: '突发事件',
    hydro: '水情站点',
    weather: '风速雷电',
    hazards: '隐患监测',
    floodworks: '闸泵堤防',
    traffic: '封路管制',
    utility: '停电断网',
    medical: '医疗救护',
    responders: '警力专家',
  },
  riskGrade: { none: '低', blue: '蓝', yellow: '黄', orange: '橙', red: '红' },
  forecastPath: '预报路径',
  windRadius: (f) => `${f}级风圈`,
  silentSince: (t) => `${t} 起中断`,
  lateSince: (t) => `${t} 起延迟`,
  warningsTitle: '生效预警',
  warningsEmpty: '暂无生效预警',
  warningLevel: { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' },
  warningEvent: {},
  wholeCity: '全市',
  forcesTitle: '力量与物资',
  teamStatus: { standby: '待命', dispatched: '出动', 'on-site': '在场', returning: '返回', resting: '休整' },
  teamsUnit: '支',
  peopleUnit: '人',
  stockTitle: '储备物资',
  stockItem: {
    'assault-boat': '冲锋舟', 'rubber-boat': '橡皮艇', 'life-jacket': '救生衣', 'life-buoy': '救生圈', sandbag: '编织袋', pump: '抽水泵',
    generator: '发电机', tent: '帐篷', quilt: '棉被', 'folding-bed': '折叠床', water: '饮用水', food: '方便食品', raincoat: '雨衣', flashlight: '手电', chainsaw: '油锯',
  },
  sheltersLine: (open, occ, cap) => `避灾点 ${open} 个开放 · 安置 ${occ} / ${cap} 人`,
  incidentsTitle: '突发事件',
  incidentsEmpty: '暂无未结事件',
  severity: { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级', IV: 'Ⅳ级' },
  incidentStatus: { open: '待处置', handling: '处置中', closed: '已办结' },
  ago: (age) => `${age}前`,
  trapped: (n) => `被困 ${n} 人`,
  feedHealthTitle: '部门数据接入',
  departmentShort: {
    emergency: '应急', meteorology: '气象', water: '水利', geology: '自然资源', ocean: '海洋', police: '公安', fire: '消防',
    health: '卫健', transport: '交通', construction: '建设', civilAffairs: '民政', education: '教育', municipal: '市政园林',
    power: '供电', telecom: '通信', earthquake: '地震', population: '大数据',
  },
  dutyTitle: '值班值守',
  dutyEmpty: '当前无在班人员',
  dutyRole: { leader: '带班领导', chief: '值班长', officer: '值班员' },
  shift: (a, b) => `${a}–${b}`,
};

export const wallEn: WallMessages = {
  headerTitle: (city) => `${city.en} Command Centre`,
  responseNone: 'No emergency response in force',
  responseLevel: (roman) => `Level ${roman} response`,
  typhoonNone: 'No active typhoon',
  typhoonName: (id, name) => `Typhoon ${id} "${name}"`,
  typhoonGrade: { TD: 'Tropical depression', TS: 'Tropical storm', STS: 'Severe tropical storm', TY: 'Typhoon', STY: 'Severe typhoon', SuperTY: 'Super typhoon' },
  typhoonDistance: (city, km, dir) => `${km} km ${dir} of ${city.en}`,
  typhoonWind: (ms) => `${ms} m/s`,
  typhoonPressure: (hpa) => `${hpa} hPa`,
  compass: ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'],
  oneMapTitle: 'Incident one-map',
  legendLayers: 'Layers',
  layer: {
    risk: 'Multi-hazard risk',
    population: 'Population heat',
    typhoon: 'Typhoon track',
    rain: 'Rain gauges',
    geohazard: 'Geo-hazard points',
    waterlogging: 'Waterlogging',
    shelter: 'Shelters',
    depot: 'Supply depots',
    team: 'Rescue teams',
    incident: 'Incidents',
    hydro: 'Water levels',
    weather: 'Wind and lightning',
    hazards: 'Hazard watch',
    floodworks: 'Sluices, pumps, dikes',
    traffic: 'Road closures',
    utility: 'Power and telecom',
    medical: 'Hospitals, ambulances',
    responders: 'Police, experts',
  },
  riskGrade: { none: 'Low', blue: 'Blue', yellow: 'Yellow', orange: 'Orange', red: 'Red' },
  forecastPath: 'Forecast path',
  windRadius: (f) => `Force-${f} winds`,
  silentSince: (t) => `silent since ${t}`,
  lateSince: (t) => `late since ${t}`,
  warningsTitle: 'Warnings in force',
  warningsEmpty: 'No warnings in force',
  warningLevel: { blue: 'Blue', yellow: 'Yellow', orange: 'Orange', red: 'Red' },
  warningEvent: {
    台风: 'Typhoon', 暴雨: 'Rainstorm', 暴雪: 'Snowstorm', 寒潮: 'Cold wave', 大风: 'Gale', 沙尘暴: 'Sandstorm',
    高温: 'Heat', 干旱: 'Drought', 雷电: 'Lightning', 冰雹: 'Hail', 霜冻: 'Frost', 大雾: 'Fog', 霾: 'Haze',
    道路结冰: 'Road icing', 雷雨大风: 'Thunderstorm gale', 风暴潮: 'Storm surge', 海浪: 'High waves', 山洪: 'Flash flood',
    洪水: 'Flood', 地质灾害: 'Geo-hazard', 山体滑坡: 'Landslide', 泥石流: 'Debris flow',
  },
  wholeCity: 'Whole city',
  forcesTitle: 'Forces and supplies',
  teamStatus: { standby: 'Standby', dispatched: 'En route', 'on-site': 'On site', returning: 'Returning', resting: 'Resting' },
  teamsUnit: 'teams',
  peopleUnit: 'people',
  stockTitle: 'Depot stock',
  stockItem: {
    'assault-boat': 'Assault boats', 'rubber-boat': 'Rubber boats', 'life-jacket': 'Life jackets', 'life-buoy': 'Life buoys', sandbag: 'Sandbags', pump: 'Pumps',
    generator: 'Generators', tent: 'Tents', quilt: 'Quilts', 'folding-bed': 'Folding beds', water: 'Water', food: 'Food', raincoat: 'Raincoats', flashlight: 'Torches', chainsaw: 'Chainsaws',
  },
  sheltersLine: (open, occ, cap) => `Shelters: ${open} open · ${occ} / ${cap} people`,
  incidentsTitle: 'Incidents',
  incidentsEmpty: 'No open incidents',
  severity: { I: 'I', II: 'II', III: 'III', IV: 'IV' },
  incidentStatus: { open: 'Open', handling: 'Handling', closed: 'Closed' },
  ago: (age) => `${age} ago`,
  trapped: (n) => `${n} trapped`,
  feedHealthTitle: 'Department feeds',
  departmentShort: {
    emergency: 'Emergency', meteorology: 'Meteo', water: 'Water', geology: 'Geology', ocean: 'Ocean', police: 'Police', fire: 'Fire',
    health: 'Health', transport: 'Transport', construction: 'Construction', civilAffairs: 'Civil affairs', education: 'Education', municipal: 'Municipal',
    power: 'Power', telecom: 'Telecom', earthquake: 'Earthquake', population: 'Population',
  },
  departmentTile: {
    emergency: 'Emerg.', transport: 'Transp.', construction: 'Constr.', civilAffairs: 'Civil', education: 'Educ.', municipal: 'Munic.',
    earthquake: 'Quake', population: 'Data',
  },
  dutyTitle: 'On duty',
  dutyEmpty: 'Nobody on shift',
  dutyRole: { leader: 'Leader on duty', chief: 'Duty chief', officer: 'Duty officer' },
  shift: (a, b) => `${a}–${b}`,
};
