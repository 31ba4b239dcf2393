/** 应急管理局: incidents, teams, depots and stock, shelters, duty roster, enterprise risk, experts, informants. */
import { incidentById, incidentProgress, incidentStatus, responderAt, scriptedIncidents } from './incidents.ts';
import { along, near, type Place } from './places.ts';
import { impact, rand, smoothstep, type Generators, type Moment, type Rec } from './scenario.ts';
import { shelters, siteRecord } from './sites.ts';

interface Team {
  teamId: string;
  name: string;
  tier: 'comprehensive' | 'professional' | 'social' | 'village';
  members: number;
  base: Place;
  /** The incident it is sent to, if any; it travels there in `travelH` storm hours. */
  incidentId?: string;
  travelH: number;
}

const team = (teamId: string, name: string, tier: Team['tier'], members: number, base: Place, incidentId?: string, travelH = 1): Team => ({
  teamId, name, tier, members, base, travelH, ...(incidentId ? { incidentId } : {}),
});

// Tiers and sizes follow the seed city: 508 land teams, ~13,000 rescuers, 13 social forces.
const teams: readonly Team[] = [
  team('SM-ZH-01', '思明区综合应急救援大队', 'comprehensive', 60, near('SM05', 0.002, 0.002), 'INC-03', 0.5),
  team('HL-ZH-01', '湖里区综合应急救援大队', 'comprehensive', 55, near('HL04', 0.002, -0.002), 'INC-06', 0.5),
  team('JM-ZH-01', '集美区综合应急救援大队', 'comprehensive', 58, near('JM01', -0.003, 0.003), 'INC-02', 1),
  team('HC-ZH-01', '海沧区综合应急救援大队', 'comprehensive', 50, near('HC01', 0.002, 0.002), 'INC-04', 0.75),
  team('TA-ZH-01', '同安区综合应急救援大队', 'comprehensive', 62, near('TA01', -0.002, 0.002), 'INC-05', 1.25),
  team('XA-ZH-01', '翔安区综合应急救援大队', 'comprehensive', 57, near('XA02', 0.003, 0.002), 'INC-09', 0.75),
  team('CITY-SS-01', '厦门市水上搜救队', 'professional', 40, near('HL01', -0.004, -0.004), 'INC-07', 1.5),
  team('CITY-DZ-01', '厦门市地质灾害抢险队', 'professional', 35, near('HL04', -0.004, 0.004), 'INC-08', 1.5),
  team('CITY-SZ-01', '市政集团排涝抢险队', 'professional', 45, near('SM06', 0.004, -0.003)),
  team('CITY-JZ-01', '中建海峡建筑抢险队', 'professional', 38, near('HL03', 0.003, 0.003)),
  team('SOC-LT-01', '厦门市蓝天救援队', 'social', 42, near('SM05', -0.004, -0.002), 'INC-10', 0.75),
  team('SOC-SG-01', '厦门曙光救援队', 'social', 36, near('JM02', 0.003, -0.003), 'INC-01', 0.5),
  team('VIL-GK-01', '灌口镇三社村应急突击队', 'village', 18, near('JM04', -0.003, -0.003)),
  team('VIL-TX-01', '汀溪镇应急突击队', 'village', 20, near('TA04', 0.003, 0.004)),
  team('VIL-DD-01', '大嶝街道应急突击队', 'village', 22, near('XA05', 0.002, -0.002)),
];

function rescueTeams(m: Moment): Rec[] {
  return teams.map((t) => {
    const incident = t.incidentId ? incidentById.get(t.incidentId) : undefined;
    const where = incident ? responderAt(incident, m.hour, t.travelH) : { phase: 'standby' as const, f: 0 };
    const pos = incident ? along(t.base, incident, where.f) : { lon: t.base.lon, lat: t.base.lat };
    const assigned = where.phase === 'dispatched' || where.phase === 'on-site';
    return {
      teamId: t.teamId, observedAt: m.nowIso, name: t.name, tier: t.tier,
      // A few members rotate out to rest while the team works through the night.
      members: where.phase === 'on-site' ? Math.round(t.members * 0.85) : t.members,
      status: where.phase, ...pos, district: incident && where.f > 0.5 ? incident.district : t.base.district,
      ...(assigned && incident ? { incidentId: incident.incidentId } : {}),
    };
  });
}

function incidents(m: Moment): Rec[] {
  return scriptedIncidents.flatMap((i) => {
    const status = incidentStatus(i, m.hour);
    if (!status) return [];
    const progress = incidentProgress(i, m.hour);
    return [{
      incidentId: i.incidentId, observedAt: m.nowIso, kind: i.kind, severity: i.severity, status, title: i.title,
      lon: i.lon, lat: i.lat, district: i.district,
      casualties: i.casualties,
      trapped: status === 'closed' ? 0 : Math.round(i.trapped * (1 - smoothstep(0.1, 0.8, progress))),
      reportedBy: i.reportedBy,
    }];
  });
}

interface Depot extends Place {
  depotId: string;
  name: string;
  level: 'city' | 'district' | 'town';
}

const depots: readonly Depot[] = [
  { depotId: 'CITY-DEPOT-01', name: '厦门市应急物资储备库', level: 'city', ...near('HL03', 0.006, 0.004) },
  { depotId: 'SM-DEPOT-01', name: '思明区物资储备库', level: 'district', ...near('SM04', 0.004, 0.004) },
  { depotId: 'HL-DEPOT-01', name: '湖里区物资储备库', level: 'district', ...near('HL02', -0.003, 0.003) },
  { depotId: 'JM-DEPOT-01', name: '集美区物资储备库', level: 'district', ...near('JM03', 0.004, 0.003) },
  { depotId: 'HC-DEPOT-01', name: '海沧区物资储备库', level: 'district', ...near('HC02', -0.004, -0.003) },
  { depotId: 'TA-DEPOT-01', name: '同安区物资储备库', level: 'district', ...near('TA02', -0.004, -0.003) },
  { depotId: 'XA-DEPOT-01', name: '翔安区物资储备库', level: 'district', ...near('XA01', 0.004, -0.004) },
];

function supplyDepots(m: Moment): Rec[] {
  return depots.map(({ depotId, name, level, lon, lat, district }) => ({
    depotId, observedAt: m.nowIso, name, level, lon, lat, district, contactPhone: `0592-${5300000 + Math.floor(rand(depotId) * 99999)}`,
  }));
}

const stockItems: readonly { item: string; unit: string; cityQty: number; districtQty: number; use: number }[] = [
  { item: 'assault-boat', unit: '艘', cityQty: 40, districtQty: 12, use: 0.5 },
  { item: 'rubber-boat', unit: '艘', cityQty: 60, districtQty: 20, use: 0.45 },
  { item: 'life-jacket', unit: '件', cityQty: 5000, districtQty: 1200, use: 0.6 },
  { item: 'sandbag', unit: '条', cityQty: 100000, districtQty: 30000, use: 0.75 },
  { item: 'pump', unit: '台', cityQty: 80, districtQty: 25, use: 0.7 },
  { item: 'tent', unit: '顶', cityQty: 1500, districtQty: 300, use: 0.3 },
  { item: 'quilt', unit: '床', cityQty: 8000, districtQty: 2000, use: 0.55 },
  { item: 'water', unit: '箱', cityQty: 6000, districtQty: 1500, use: 0.65 },
  { item: 'food', unit: '箱', cityQty: 5000, districtQty: 1200, use: 0.7 },
];

/**
 * Stock is drawn down as the storm bites (sandbags and pumps first, before landfall), then the
 * province's allocation refills most of it a day after landfall.
 */
function depotStock(m: Moment): Rec[] {
  const drawn = smoothstep(-20, 6, m.hour);
  const refilled = smoothstep(14, 28, m.hour);
  return depots.flatMap((d) =>
    stockItems.map((s) => {
      const full = d.level === 'city' ? s.cityQty : s.districtQty;
      const use = s.use * (0.8 + 0.4 * rand(`use:${d.depotId}:${s.item}`));
      const left = full * (1 - Math.min(0.95, use) * drawn * (1 - 0.8 * refilled));
      return { stockId: `${d.depotId}_${s.item}`, observedAt: m.nowIso, depotId: d.depotId, item: s.item, quantity: Math.round(left), unit: s.unit };
    }),
  );
}

const dutyPosts: readonly { dutyId: string; unit: string; role: 'leader' | 'chief' | 'officer'; people: [string, string] }[] = [
  { dutyId: 'CITY-LEADER', unit: '厦门市应急管理局', role: 'leader', people: ['陈建国', '林志强'] },
  { dutyId: 'CITY-CHIEF', unit: '厦门市应急管理局', role: 'chief', people: ['黄晓东', '吴丽娟'] },
  { dutyId: 'CITY-OFFICER-1', unit: '厦门市应急指挥中心', role: 'officer', people: ['郑海峰', '张雅婷'] },
  { dutyId: 'CITY-OFFICER-2', unit: '厦门市应急指挥中心', role: 'officer', people: ['许文彬', '蔡雪梅'] },
  { dutyId: 'SM-CHIEF', unit: '思明区防汛抗旱指挥部', role: 'chief', people: ['王少华', '李佳琪'] },
  { dutyId: 'TA-CHIEF', unit: '同安区防汛抗旱指挥部', role: 'chief', people: ['洪伟明', '叶晓燕'] },
  { dutyId: 'XA-CHIEF', unit: '翔安区防汛抗旱指挥部', role: 'chief', people: ['苏建平', '庄美玲'] },
];

/** Two 12-hour shifts a day (08:00 and 20:00 Beijing time); the record id names the post and the shift. */
function dutyRoster(m: Moment): Rec[] {
  const beijingHour = (m.nowMs / 3600_000 + 8) % 24;
  const shift = beijingHour >= 8 && beijingHour < 20 ? 0 : 1;
  const startMs = m.nowMs - (((beijingHour - (shift === 0 ? 8 : 20)) + 24) % 24) * 3600_000;
  const start = new Date(Math.floor(startMs / 60_000) * 60_000);
  const dayKey = new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return dutyPosts.map((p) => ({
    dutyId: `${p.dutyId}-${dayKey}-${shift === 0 ? 'D' : 'N'}`, observedAt: m.nowIso, unit: p.unit, role: p.role,
    personName: p.people[shift]!, phone: `0592-${2220000 + Math.floor(rand(p.dutyId) * 9999)}`,
    shiftStart: start.toISOString(), shiftEnd: new Date(start.getTime() + 12 * 3600_000).toISOString(),
  }));
}

const enterprises: readonly (Place & { enterpriseId: string; name: string; industry: string; riskGrade: string; majorHazard: boolean })[] = [
  { enterpriseId: 'ENT-HC-0001', name: '海沧石化仓储有限公司', industry: 'hazardous-chemicals', riskGrade: 'red', majorHazard: true, ...near('HC03', 0.004, -0.002) },
  { enterpriseId: 'ENT-HC-0017', name: '海沧港区液化气码头', industry: 'hazardous-chemicals', riskGrade: 'orange', majorHazard: true, ...near('HC01', -0.004, -0.004) },
  { enterpriseId: 'ENT-XA-0042', name: '翔安火炬园电子材料厂', industry: 'industry-trade', riskGrade: 'yellow', majorHazard: false, ...near('XA02', 0.005, 0.006) },
  { enterpriseId: 'ENT-JM-0133', name: '集美机械加工厂', industry: 'metallurgy', riskGrade: 'yellow', majorHazard: false, ...near('JM02', -0.004, 0.004) },
  { enterpriseId: 'ENT-HL-0208', name: '东渡港区集装箱堆场', industry: 'port-logistics', riskGrade: 'orange', majorHazard: false, ...near('HL01', -0.006, 0.004) },
  { enterpriseId: 'ENT-TA-0077', name: '同安工业集中区涂料厂', industry: 'hazardous-chemicals', riskGrade: 'orange', majorHazard: true, ...near('TA06', 0.004, 0.003) },
  { enterpriseId: 'ENT-TA-0151', name: '同安食品冷链仓库', industry: 'industry-trade', riskGrade: 'blue', majorHazard: false, ...near('TA02', 0.006, -0.004) },
];

function enterpriseRisk(m: Moment): Rec[] {
  return enterprises.map((e) => ({ ...e, observedAt: m.nowIso }));
}

// From the 320-strong expert register (22 fields): the ones a typhoon calls on.
const experts: readonly [string, string, string, string][] = [
  ['EXP-0012', '李海涛', 'flood-control', '厦门市水利局'],
  ['EXP-0031', '陈雅琴', 'geology', '福建省地质调查研究院'],
  ['EXP-0047', '王振宇', 'meteorology', '厦门市气象台'],
  ['EXP-0058', '林清华', 'marine', '自然资源部第三海洋研究所'],
  ['EXP-0087', '张立新', 'hazardous-chemicals', '厦门大学化学化工学院'],
  ['EXP-0102', '黄建民', 'structural', '厦门市建筑科学研究院'],
  ['EXP-0133', '郭晓明', 'medical', '厦门大学附属第一医院'],
  ['EXP-0156', '吴志勇', 'power', '国网厦门供电公司'],
  ['EXP-0171', '蔡明辉', 'communications', '中国移动厦门分公司'],
  ['EXP-0190', '许丽萍', 'fire', '厦门市消防救援支队'],
];

function expertsNow(m: Moment): Rec[] {
  return experts.map(([expertId, name, field, organisation], i) => ({
    expertId, observedAt: m.nowIso, name, field, organisation,
    // The flood, geology and weather experts are called to the hall while the storm is close.
    availability: i < 4 && impact(m.hour) > 0.3 ? 'deployed' : i < 4 && impact(m.hour) > 0.1 ? 'on-call' : 'available',
    phone: `1${3500000000 + Math.floor(rand(expertId) * 99999999)}`,
  }));
}

/** Informants report what they see; a report is verified within an hour. */
function informantReports(m: Moment): Rec[] {
  const reports: readonly [string, number, string, string, Place, string, number][] = [
    ['IR-0101', -10, '林阿水', '灌口镇三社村', near('JM04', 0.004, 0.005), 'landslide', 40],
    ['IR-0102', -5, '陈秀兰', '汀溪镇造水村', near('TA04', 0.003, -0.005), 'waterlogging', 120],
    ['IR-0103', -2, '黄金土', '莲花镇军营村', near('TA05', 0.004, 0.003), 'landslide', 60],
    ['IR-0104', 1, '苏美华', '新店镇洪前村', near('XA01', 0.002, 0.004), 'trapped-people', 35],
    ['IR-0105', 3, '郑国栋', '大嶝街道田墘社区', near('XA05', 0.003, 0.003), 'power-cut', 800],
    ['IR-0106', 5, '何丽珍', '鼓浪屿街道内厝澳社区', near('SM01', 0.001, 0.002), 'fallen-tree', 10],
  ];
  const hazardZh: Record<string, string> = { landslide: '后山出现裂缝和落石', waterlogging: '村道积水没过膝盖', 'trapped-people': '有村民被困二楼', 'power-cut': '社区大面积停电', 'fallen-tree': '大树倒伏压住民房' };
  return reports
    .filter(([, at]) => m.hour >= at)
    .map(([reportId, at, informant, community, p, hazard, people]) => ({
      reportId, observedAt: m.nowIso, informant, community, district: p.district, lon: p.lon, lat: p.lat, hazard,
      note: `${community}${hazardZh[hazard]}`, peopleAffected: people, status: m.hour - at < 1 ? 'new' : 'verified',
    }));
}

export const emergencyGenerators: Generators = {
  incident: incidents,
  'rescue-team': rescueTeams,
  'supply-depot': supplyDepots,
  'depot-stock': depotStock,
  shelter: (m) => shelters.map((s) => siteRecord('shelterId', s, m.hour, m.nowIso)),
  'duty-roster': dutyRoster,
  'enterprise-risk': enterpriseRisk,
  expert: expertsNow,
  'informant-report': informantReports,
};

