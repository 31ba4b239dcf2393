/** 市政园林局: waterlogging with the rain, drainage pumps, fallen trees with the wind, manhole sensors. */
import { near, type Place } from './places.ts';
import { rainMemory, rand, round, type Generators, type Moment, type Rec } from './scenario.ts';
import { windSpeedAt } from './wind.ts';

// Known low spots (underpasses, old quarters, reclaimed land); `susceptibility` is how badly each floods.
const points: readonly (Place & { pointId: string; name: string; susceptibility: number })[] = [
  { pointId: 'WL-HL-012', name: '湖里区枋湖路下穿通道', susceptibility: 1.4, ...near('HL04', 0.004, 0.004) },
  { pointId: 'WL-SM-004', name: '思明区湖滨南路下穿通道', susceptibility: 1.2, ...near('SM06', 0.004, 0.004) },
  { pointId: 'WL-SM-009', name: '思明区开元路老城区', susceptibility: 1.0, ...near('SM06', 0.002, 0.001) },
  { pointId: 'WL-HL-020', name: '湖里区江头公园周边', susceptibility: 0.9, ...near('HL04', -0.002, 0.002) },
  { pointId: 'WL-JM-007', name: '集美区杏林湾路', susceptibility: 1.1, ...near('JM02', 0.004, 0.003) },
  { pointId: 'WL-HC-003', name: '海沧区新阳大道', susceptibility: 0.8, ...near('HC02', 0.002, 0.004) },
  { pointId: 'WL-TA-011', name: '同安区环城南路下穿通道', susceptibility: 1.5, ...near('TA02', 0.004, -0.002) },
  { pointId: 'WL-XA-006', name: '翔安区新店镇洪前村', susceptibility: 1.3, ...near('XA01', 0.002, 0.005) },
];

/**
 * Standing water is rain the drains could not take (they clear ~20 mm/h), remembered ~1.5 h:
 * a short burst leaves a puddle, the eyewall leaves half a metre in the underpasses.
 */
export function depthCmAt(p: (typeof points)[number], hour: number): number {
  const excess = Math.max(0, rainMemory(p.lon, p.lat, hour, 1.5) - 20);
  return round(Math.min(300, excess * p.susceptibility * 0.6), 0);
}

function waterlogging(m: Moment): Rec[] {
  return points.map((p) => ({ pointId: p.pointId, observedAt: m.nowIso, name: p.name, depthCm: depthCmAt(p, m.hour), lon: p.lon, lat: p.lat, district: p.district }));
}

const pumps: readonly (Place & { pumpId: string; name: string; pumpType: 'station' | 'mobile'; total: number; point: number })[] = [
  { pumpId: 'DP-SM-05', name: '筼筜湖排涝泵站', pumpType: 'station', total: 6, point: 1, ...near('SM06', -0.004, 0.006) },
  { pumpId: 'DP-HL-02', name: '枋湖排涝泵站', pumpType: 'station', total: 4, point: 0, ...near('HL04', 0.005, 0.005) },
  { pumpId: 'DP-TA-01', name: '同安城南排涝泵站', pumpType: 'station', total: 4, point: 6, ...near('TA02', 0.005, -0.003) },
  { pumpId: 'DP-MOB-01', name: '市政集团移动泵车1号', pumpType: 'mobile', total: 1, point: 0, ...near('HL04', 0.004, 0.003) },
  { pumpId: 'DP-MOB-02', name: '市政集团移动泵车2号', pumpType: 'mobile', total: 1, point: 7, ...near('XA01', 0.002, 0.004) },
];

/** Pumps start as water gathers at the spot they serve; one station trips on a power cut at landfall. */
function drainagePumps(m: Moment): Rec[] {
  return pumps.map((p) => {
    const depth = depthCmAt(points[p.point]!, m.hour);
    const fault = p.pumpId === 'DP-TA-01' && m.hour > 0 && m.hour < 3;
    const running = fault ? 0 : Math.min(p.total, Math.ceil((depth / 40) * p.total));
    return {
      pumpId: p.pumpId, observedAt: m.nowIso, name: p.name, pumpType: p.pumpType,
      status: fault ? 'fault' : running > 0 ? 'running' : 'standby', pumpsRunning: running, pumpsTotal: p.total,
      flowM3s: round(running * (p.pumpType === 'station' ? 3 : 0.5), 1), lon: p.lon, lat: p.lat, district: p.district,
    };
  });
}

const gaugeIds = ['SM01', 'SM02', 'SM04', 'SM05', 'HL01', 'HL03', 'HL05', 'JM01', 'JM03', 'HC01', 'HC03', 'TA01', 'TA02', 'XA02', 'XA03', 'XA05'];

/**
 * Trees fall where the local wind passes force 8 (17.2 m/s): each candidate spot has its own
 * strength, so the reports arrive one by one as the wind builds; crews clear them within hours.
 */
const treeSpots = Array.from({ length: 24 }, (_, k) => ({
  k,
  spot: near(gaugeIds[k % gaugeIds.length]!, 0.008 * (rand(`ftx:${k}`) - 0.5), 0.008 * (rand(`fty:${k}`) - 0.5)),
  strength: 17.2 + 12 * rand(`ft:${k}`),
}));
const fallHours = new Map<number, number | null>();

/** The storm hour a tree falls (first quarter-hour its wind beats its strength), or null; computed once. */
function fallHour(t: (typeof treeSpots)[number]): number | null {
  if (!fallHours.has(t.k)) {
    let at: number | null = null;
    for (let h = -30; h <= 30 && at === null; h += 0.25) if (windSpeedAt(t.spot.lon, t.spot.lat, h, `tree:${t.k}`) >= t.strength) at = h;
    fallHours.set(t.k, at);
  }
  return fallHours.get(t.k)!;
}

function fallenTrees(m: Moment): Rec[] {
  return treeSpots.flatMap((t) => {
    const fellAt = fallHour(t);
    if (fellAt === null || m.hour < fellAt) return [];
    const { k, spot } = t;
    const cleared = m.hour >= fellAt + 3 + 3 * rand(`ftc:${k}`);
    return [{
      reportId: `FT-${String(k + 1).padStart(4, '0')}`, observedAt: m.nowIso, location: `${spot.district}行道树倒伏点${k + 1}`,
      status: cleared ? 'cleared' : m.hour >= fellAt + 1 ? 'clearing' : 'reported', trees: 1 + Math.floor(3 * rand(`ftn:${k}`)),
      blocksRoad: rand(`ftb:${k}`) < 0.5, ...spot,
    }];
  });
}

/** Manholes on the waterlogging points overflow (and their lids lift) when the water passes 20 cm. */
function manholeAlerts(m: Moment): Rec[] {
  return points.map((p, i) => {
    const depth = depthCmAt(p, m.hour);
    const wasDeep = depthCmAt(p, m.hour - 1) > 20;
    const alarm = depth > 20;
    return {
      manholeId: `MH-${p.pointId.slice(3)}`, observedAt: m.nowIso, alarm: alarm ? (i % 3 === 0 ? 'cover-displaced' : 'overflow') : 'none',
      status: alarm ? 'alarm' : wasDeep ? 'handling' : 'normal', waterLevelCm: round(120 - depth * 1.5, 0), road: p.name.slice(3),
      lon: round(p.lon + 0.001, 3), lat: p.lat, district: p.district,
    };
  });
}

export const municipalGenerators: Generators = {
  'waterlogging-point': waterlogging,
  'drainage-pump': drainagePumps,
  'fallen-tree': fallenTrees,
  'manhole-alert': manholeAlerts,
};
