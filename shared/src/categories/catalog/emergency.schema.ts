import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, dateTime, id, oneOf, phone, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export const INCIDENT_KINDS = ['flood', 'waterlogging', 'landslide', 'collapse', 'fire', 'traffic', 'hazmat', 'marine', 'rescue', 'other'] as const;
export const SUPPLY_ITEMS = [
  'assault-boat', 'rubber-boat', 'life-jacket', 'life-buoy', 'sandbag', 'pump', 'generator', 'tent',
  'quilt', 'folding-bed', 'water', 'food', 'raincoat', 'flashlight', 'chainsaw',
] as const;

export function emergencySchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const IncidentRecord = recordSchema('incidentId', 'Incident id in the source system, e.g. "INC-20260914-0031".', {
    kind: oneOf([...INCIDENT_KINDS], 'What happened.'),
    severity: oneOf(['I', 'II', 'III', 'IV'], 'Severity grade under the national emergency plan: I (特别重大, most severe) to IV (一般).'),
    status: oneOf(['open', 'handling', 'closed'], 'open: reported, no force on site; handling: forces on site; closed: dealt with.'),
    title: text(`Short title for the wall, e.g. "${place.aDistrict}灌口镇山体滑坡"`, 120),
    lon: lon('the incident'),
    lat: lat('the incident'),
    district: district('the incident'),
    casualties: Type.Optional(count('People dead or injured so far.', 100_000)),
    trapped: Type.Optional(count('People trapped or waiting for rescue now.', 100_000)),
    reportedBy: Type.Optional(text('Who reported it, e.g. "110", "灾害信息员", "区防指"', 60)),
  }, 'the incident was reported or its status last changed');

  const RescueTeamRecord = recordSchema('teamId', 'Team id in the force register, e.g. "SM-ZH-01".', {
    name: text(`Team name, e.g. "${place.aDistrict}综合应急救援大队"`, 80),
    tier: oneOf(['comprehensive', 'professional', 'social', 'village'], '综合性 comprehensive, 专业 professional, 社会应急力量 social, 村(社区)应急突击队 village.'),
    members: count('People in the team available now.', 2_000),
    status: oneOf(['standby', 'dispatched', 'on-site', 'returning', 'resting'], 'What the team is doing now: dispatched = on the way.'),
    lon: lon('the team now'),
    lat: lat('the team now'),
    district: Type.Optional(district('the team now (its home district while at base); screens filter district views by it')),
    incidentId: Type.Optional(id('The incident the team is dispatched to or working on (an incident\'s incidentId).')),
  }, 'the team\'s terminal reported this position and status');

  const SupplyDepotRecord = recordSchema('depotId', 'Depot id, e.g. "JM-DEPOT-01".', {
    name: text(`Depot name, e.g. "${place.aDistrict}物资储备库"`, 80),
    level: oneOf(['city', 'district', 'town'], 'Who runs it: 市级 city, 区级 district, 镇街 town/subdistrict.'),
    lon: lon('the depot'),
    lat: lat('the depot'),
    district: district('the depot'),
    contactPhone: Type.Optional(phone()),
  });

  const DepotStockRecord = recordSchema('stockId', 'One item at one depot: the depotId, "_", the item, e.g. "JM-DEPOT-01_life-jacket".', {
    depotId: id('The depot holding it (a supply-depot depotId).'),
    item: oneOf([...SUPPLY_ITEMS], 'The item: assault-boat 冲锋舟, rubber-boat 橡皮艇, life-jacket 救生衣, life-buoy 救生圈, sandbag 编织袋, pump 抽水泵, generator 发电机, tent 帐篷, quilt 棉被, folding-bed 折叠床, water 饮用水, food 方便食品, raincoat 雨衣, flashlight 手电, chainsaw 油锯.'),
    quantity: count('How many are in the depot now, in `unit`.'),
    unit: text('Counting unit as the depot counts, e.g. "艘", "件", "条", "台", "顶", "床", "箱"', 8),
  }, 'the depot system counted this stock');

  const ShelterRecord = recordSchema('shelterId', 'Shelter id in the shelter map, e.g. "XA-BZD-012".', {
    name: text(`Shelter name, e.g. "${place.aDistrict}第一中学避灾点"`, 80),
    lon: lon('the shelter'),
    lat: lat('the shelter'),
    district: district('the shelter'),
    capacity: count('People it can hold.', 100_000),
    occupancy: count('People sheltering in it now. A count above capacity is accepted (overcrowding happens) and shown as over capacity.', 100_000),
    status: oneOf(['open', 'full', 'closed'], 'open: taking people; full: no more room; closed: not in use.'),
  });

  const DutyRosterRecord = recordSchema('dutyId', 'One duty post for one shift, e.g. "CITY-20260914-LEADER".', {
    unit: text(`The unit on duty, e.g. "${place.city.name}应急管理局", "${place.aDistrict}防指"`, 60),
    role: oneOf(['leader', 'chief', 'officer'], '带班领导 leader on duty, 值班长 chief, 值班员 officer.'),
    personName: text('Name of the person on duty', 30),
    phone: Type.Optional(phone()),
    shiftStart: dateTime('Start of the shift.'),
    shiftEnd: dateTime('End of the shift.'),
  });

  const EnterpriseRiskRecord = recordSchema('enterpriseId', 'Enterprise id (unified social credit code or the bureau\'s id), e.g. "91350200MA2XXXXX1".', {
    name: text('Enterprise name', 100),
    industry: oneOf(['hazardous-chemicals', 'fireworks', 'mining', 'metallurgy', 'industry-trade', 'construction', 'port-logistics', 'other'], 'Regulated industry.'),
    riskGrade: oneOf(['blue', 'yellow', 'orange', 'red'], 'Four-colour safety risk grade (红橙黄蓝), red highest.'),
    majorHazard: Type.Boolean({ description: 'true if it holds a major hazard installation (重大危险源).' }),
    lon: lon('the enterprise'),
    lat: lat('the enterprise'),
    district: district('the enterprise'),
  });

  const ExpertRecord = recordSchema('expertId', 'Expert id in the city\'s expert register, e.g. "EXP-0087".', {
    name: text('Expert\'s name', 30),
    field: oneOf(['flood-control', 'geology', 'meteorology', 'marine', 'hazardous-chemicals', 'structural', 'fire', 'medical', 'power', 'communications', 'mine-safety', 'other'], 'Area of expertise.'),
    organisation: text('Employer, e.g. "市第一医院", "市建设局"', 80),
    availability: oneOf(['available', 'on-call', 'deployed', 'unavailable'], 'Whether the expert can be called now.'),
    phone: Type.Optional(phone()),
  });

  const InformantReportRecord = recordSchema('reportId', 'Report id from the informant app, e.g. "IR-20260914-0142".', {
    informant: text('Informant\'s name or id (灾害信息员)', 30),
    community: text('Community or village reported from, e.g. "灌口镇三社村"', 60),
    district: district('the report'),
    lon: lon('what is reported'),
    lat: lat('what is reported'),
    hazard: oneOf(['waterlogging', 'landslide', 'collapse', 'fallen-tree', 'trapped-people', 'power-cut', 'other'], 'What the informant saw.'),
    note: text('What was seen, in the informant\'s words', 500),
    peopleAffected: Type.Optional(count('People affected or at risk, the informant\'s estimate.', 100_000)),
    status: oneOf(['new', 'verified', 'dismissed'], 'Whether the duty officer has checked the report.'),
  });

  return {
    incident: IncidentRecord,
    'rescue-team': RescueTeamRecord,
    'supply-depot': SupplyDepotRecord,
    'depot-stock': DepotStockRecord,
    shelter: ShelterRecord,
    'duty-roster': DutyRosterRecord,
    'enterprise-risk': EnterpriseRiskRecord,
    expert: ExpertRecord,
    'informant-report': InformantReportRecord,
  };
}
