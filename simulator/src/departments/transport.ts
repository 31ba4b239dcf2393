/** 交通运输局: roads closed and reopened, ferries suspended, buses cut back, congestion on the way out. */
import { near, type Place } from './places.ts';
import { impact, isoAfter, rainMemory, rand, round, smoothstep, type Generators, type Moment, type Rec } from './scenario.ts';
import { cityWindAt } from './wind.ts';

const closures: readonly (Place & { closureId: string; road: string; reason: string; from: number; to: number })[] = [
  { closureId: 'RC-0011', road: '环岛路 胡里山炮台—曾厝垵', reason: 'wind', from: -8, to: 10, ...near('SM02', 0.006, -0.002) },
  { closureId: 'RC-0014', road: '演武大桥 观景平台', reason: 'wind', from: -10, to: 8, ...near('SM02', 0.004, -0.003) },
  { closureId: 'RC-0017', road: '同安 汀溪路 K12 段', reason: 'landslide', from: -1, to: 18, ...near('TA04', 0.002, -0.006) },
  { closureId: 'RC-0019', road: '湖里 枋湖路下穿通道', reason: 'waterlogging', from: -2, to: 6, ...near('HL04', 0.004, 0.004) },
  { closureId: 'RC-0023', road: '集美 灌南路 后山段', reason: 'landslide', from: -5, to: 16, ...near('JM04', 0.002, 0.004) },
  { closureId: 'RC-0026', road: '翔安 新店 324国道 洪前段', reason: 'waterlogging', from: 4, to: 14, ...near('XA01', 0.002, 0.006) },
  { closureId: 'RC-0029', road: '鼓浪屿 鹿礁路', reason: 'fallen-tree', from: 6, to: 12, ...near('SM01', 0.002, 0.002) },
];

/** Closed at `from`, restricted for the last two hours of clearing, reopened at `to`. */
function roadClosures(m: Moment): Rec[] {
  return closures.filter((c) => m.hour >= c.from).map((c) => {
    const status = m.hour >= c.to ? 'reopened' : m.hour >= c.to - 2 ? 'restricted' : 'closed';
    return {
      closureId: c.closureId, observedAt: m.nowIso, road: c.road, status, reason: c.reason,
      ...(status === 'reopened' ? {} : { expectedReopenAt: isoAfter(m, Math.max(0.5, c.to - m.hour)) }),
      lon: c.lon, lat: c.lat, district: c.district,
    };
  });
}

const ferries: readonly (Place & { routeId: string; route: string })[] = [
  { routeId: 'FERRY-GLY', route: '厦门(邮轮中心)—鼓浪屿', ...near('SM03', -0.006, 0.008) },
  { routeId: 'FERRY-SY-GLY', route: '嵩屿—鼓浪屿', ...near('HC03', 0.003, 0.004) },
  { routeId: 'FERRY-WT-JM', route: '五通—金门', ...near('HL05', 0.008, 0.004) },
  { routeId: 'FERRY-DD-XD', route: '大嶝—小嶝', ...near('XA05', 0.003, -0.003) },
];

/**
 * Ferries stop a day before landfall (the exposed routes first) and whenever the wind reaches
 * force 7 (13.9 m/s); they restart 14 h after landfall once the sea has gone down.
 */
function ferrySuspensions(m: Moment): Rec[] {
  const windy = cityWindAt(m.hour) >= 13.9;
  return ferries.map((f, i) => {
    const off = windy || (m.hour >= -22 + i && m.hour < 14);
    return {
      routeId: f.routeId, observedAt: m.nowIso, route: f.route, status: off ? 'suspended' : 'running',
      ...(off ? { reason: '台风大风停航' } : {}), lon: f.lon, lat: f.lat, district: f.district,
    };
  });
}

const lines = [
  { lineId: 'BRT1', line: 'BRT快1线', district: '湖里区', exposed: 0.6 },
  { lineId: 'L001', line: '1路', district: '思明区', exposed: 0.5 },
  { lineId: 'L029', line: '29路 (环岛路)', district: '思明区', exposed: 0.9 },
  { lineId: 'L605', line: '605路 (同安—汀溪)', district: '同安区', exposed: 0.8 },
  { lineId: 'L751', line: '751路 (翔安—大嶝)', district: '翔安区', exposed: 0.85 },
  { lineId: 'L902', line: '902路 (集美—灌口)', district: '集美区', exposed: 0.7 },
];

/** Lines on the coast and in the hills are cut first; all stop at the height of the storm. */
function busService(m: Moment): Rec[] {
  const grip = impact(m.hour);
  return lines.map((l) => {
    const stress = grip * (0.6 + l.exposed * 0.6);
    const status = stress > 0.7 ? 'suspended' : stress > 0.45 ? 'shortened' : stress > 0.25 ? 'diverted' : 'normal';
    return {
      lineId: l.lineId, observedAt: m.nowIso, line: l.line, status, district: l.district,
      ...(status === 'normal' ? {} : { reason: status === 'suspended' ? '台风停运' : '道路积水绕行' }),
      vehiclesRunning: status === 'suspended' ? 0 : Math.round(30 * (1 - stress)),
    };
  });
}

const segments: readonly (Place & { segmentId: string; road: string; exit: boolean })[] = [
  { segmentId: 'SEG-CGDD-03', road: '成功大道 仙岳路—湖滨北路', exit: true, ...near('SM05', -0.002, 0.006) },
  { segmentId: 'SEG-XMDQ-01', road: '厦门大桥 岛内往岛外', exit: true, ...near('JM01', 0.008, -0.012) },
  { segmentId: 'SEG-XYL-02', road: '仙岳路 湖里段', exit: false, ...near('HL04', 0.003, 0.002) },
  { segmentId: 'SEG-HLDD-01', road: '湖里大道', exit: false, ...near('HL01', 0.003, 0.004) },
  { segmentId: 'SEG-XAD-04', road: '翔安大道 新店段', exit: true, ...near('XA01', -0.004, 0.002) },
  { segmentId: 'SEG-TAHC-02', road: '同安环城路', exit: false, ...near('TA02', 0.004, -0.002) },
];

/**
 * Roads jam as people leave and stock up the evening before (an evacuation rush), empty out when the
 * storm hits and everyone is told to stay in, and jam again where water or trees still block lanes.
 */
function trafficFlow(m: Moment): Rec[] {
  const rush = smoothstep(-22, -16, m.hour) * (1 - smoothstep(-12, -8, m.hour));
  const stayIn = smoothstep(-8, -2, m.hour) * (1 - smoothstep(8, 14, m.hour));
  return segments.map((s) => {
    const baseline = 3 + 1.5 * rand(`seg:${s.segmentId}`);
    const wet = Math.min(3, rainMemory(s.lon, s.lat, m.hour, 1.5) / 25);
    const index = round(Math.min(10, Math.max(0, baseline + (s.exit ? 5 : 2.5) * rush - 2.5 * stayIn + wet)), 1);
    return {
      segmentId: s.segmentId, observedAt: m.nowIso, road: s.road, congestionIndex: index,
      speedKmh: round(Math.max(3, 60 - 5.5 * index), 0), lon: s.lon, lat: s.lat, district: s.district,
    };
  });
}

export const transportGenerators: Generators = {
  'road-closure': roadClosures,
  'ferry-suspension': ferrySuspensions,
  'bus-service': busService,
  'traffic-flow': trafficFlow,
};
