/** 自然资源和规划局: hazard points, the geo-hazard risk warning, slope displacement monitors. */
import { xiamen } from '@beacon/shared';
import { near } from './places.ts';
import { accumulatedRain, rainMemory, round, type Generators, type Moment, type Rec } from './scenario.ts';
import { alertRecord, levelIndex, warningTrack } from './warnings.ts';

const hillGauges = xiamen.rainGauges.filter((g) => ['同安区', '集美区', '海沧区', '翔安区'].includes(g.district));

/**
 * Slopes fail on soaked ground: the warning follows the rain still held in the soil (8-hour memory)
 * at the wettest hill gauge, 40/70/100/130 mm (defaults a city tunes), and is lifted as it drains.
 */
const soilWater = (g: { lon: number; lat: number }, h: number) => rainMemory(g.lon, g.lat, h, 8);
const geohazardWarning = warningTrack((h) => Math.max(0, ...hillGauges.map((g) => levelIndex(soilWater(g, h), [40, 70, 100, 130]))));

function geohazardWarnings(m: Moment): Rec[] {
  const state = geohazardWarning(m.hour);
  if (!state) return [];
  const areas = [...new Set(hillGauges.filter((g) => soilWater(g, m.hour) >= 40).map((g) => g.district))];
  return [alertRecord(m, {
    alertId: 'XMZR-2614-DZ', event: '地质灾害', sender: '厦门市自然资源和规划局', noun: '气象风险预警', areas: areas.length ? areas : ['同安区'],
    advice: '隐患点受威胁群众请按预案转移，山区道路注意落石。',
  }, state)];
}

type Hazard = 'landslide' | 'debris-flow' | 'collapse' | 'subsidence';
const points: readonly { pointId: string; name: string; hazard: Hazard; riskLevel: string; people: number; gauge: string; d: [number, number] }[] = [
  { pointId: '350211010023', name: '灌口镇李林村后山滑坡', hazard: 'landslide', riskLevel: 'high', people: 46, gauge: 'JM04', d: [0.004, 0.006] },
  { pointId: '350211020011', name: '后溪镇岩内村崩塌', hazard: 'collapse', riskLevel: 'medium', people: 18, gauge: 'JM05', d: [0.005, 0.005] },
  { pointId: '350212030045', name: '汀溪镇造水村滑坡', hazard: 'landslide', riskLevel: 'very-high', people: 82, gauge: 'TA04', d: [0.003, 0.006] },
  { pointId: '350212040017', name: '莲花镇军营村泥石流', hazard: 'debris-flow', riskLevel: 'high', people: 64, gauge: 'TA05', d: [0.005, 0.004] },
  { pointId: '350212050008', name: '五显镇三秀山崩塌', hazard: 'collapse', riskLevel: 'medium', people: 22, gauge: 'TA03', d: [-0.004, 0.005] },
  { pointId: '350205010031', name: '东孚街道天竺山滑坡', hazard: 'landslide', riskLevel: 'medium', people: 30, gauge: 'HC04', d: [-0.005, 0.004] },
  { pointId: '350213020019', name: '新圩镇大帽山崩塌', hazard: 'collapse', riskLevel: 'low', people: 12, gauge: 'XA04', d: [0.004, 0.006] },
  { pointId: '350203010006', name: '莲前街道云顶山边坡', hazard: 'landslide', riskLevel: 'low', people: 25, gauge: 'SM04', d: [0.004, -0.004] },
  { pointId: '350206010002', name: '金山街道地面塌陷', hazard: 'subsidence', riskLevel: 'low', people: 40, gauge: 'HL05', d: [0.003, 0.004] },
];

/** Points are patrolled once the geo-hazard warning is out and evacuated from orange up. */
function geohazardPoints(m: Moment): Rec[] {
  const w = geohazardWarning(m.hour);
  const active = w?.status === 'active';
  const severe = active && (w.level === 'orange' || w.level === 'red');
  return points.map((p) => {
    const place = near(p.gauge, ...p.d);
    const exposed = p.riskLevel === 'high' || p.riskLevel === 'very-high';
    return {
      pointId: p.pointId, observedAt: m.nowIso, name: p.name, hazard: p.hazard, riskLevel: p.riskLevel, threatenedPeople: p.people,
      status: severe && exposed ? 'evacuated' : active ? 'patrolled' : 'monitored', ...place,
    };
  });
}

/** A slope creeps faster the wetter it is (time constant 12 h); the soaked ones alarm. */
function displacementMonitors(m: Moment): Rec[] {
  return points.filter((p) => p.hazard !== 'subsidence').map((p, i) => {
    const place = near(p.gauge, p.d[0] + 0.001, p.d[1] - 0.001);
    const sensitivity = p.riskLevel === 'very-high' ? 0.12 : p.riskLevel === 'high' ? 0.08 : 0.03;
    const rate = round(0.2 + sensitivity * rainMemory(place.lon, place.lat, m.hour, 12), 2);
    // Cumulative displacement: creep so far this season plus the storm's share.
    const cumulative = round(35 + i * 7 + sensitivity * 0.4 * accumulatedRain(place.lon, place.lat, m.hour, 48), 1);
    return { stationId: `GNSS-${p.pointId}`, observedAt: m.nowIso, pointId: p.pointId, displacementRateMmD: rate, cumulativeMm: cumulative, lon: place.lon, lat: place.lat, district: place.district };
  });
}

export const geologyGenerators: Generators = {
  'geohazard-point': geohazardPoints,
  'geohazard-warning': geohazardWarnings,
  'displacement-monitor': displacementMonitors,
};
