/** 建设局: sites stopped, cranes secured before the wind, dangerous buildings emptied. */
import { near, type Place } from './places.ts';
import { smoothstep, type Generators, type Moment, type Rec } from './scenario.ts';
import { windSpeedAt } from './wind.ts';

const sites: readonly (Place & { siteId: string; name: string; workers: number; cranes: number })[] = [
  { siteId: 'CS-XA-0142', name: '翔安新机场片区安置房项目', workers: 1200, cranes: 4, ...near('XA05', -0.006, 0.006) },
  { siteId: 'CS-XA-0088', name: '翔安南部新城学校项目', workers: 450, cranes: 2, ...near('XA02', 0.004, -0.006) },
  { siteId: 'CS-HL-0031', name: '湖里五缘湾商务楼项目', workers: 600, cranes: 3, ...near('HL05', -0.002, 0.006) },
  { siteId: 'CS-JM-0205', name: '集美新城地铁站上盖项目', workers: 800, cranes: 3, ...near('JM03', 0.004, -0.004) },
  { siteId: 'CS-HC-0077', name: '海沧马銮湾保障房项目', workers: 700, cranes: 2, ...near('HC02', -0.004, 0.004) },
  { siteId: 'CS-TA-0019', name: '同安新城医院项目', workers: 500, cranes: 2, ...near('TA06', 0.004, -0.002) },
];

/** Stop orders go out 24 h before landfall; work resumes a day after, once sites are inspected. */
const stopped = (hour: number) => hour >= -24 && hour < 20;

function constructionSites(m: Moment): Rec[] {
  return sites.map((s) => ({
    siteId: s.siteId, observedAt: m.nowIso, name: s.name, status: stopped(m.hour) ? 'stopped' : 'working', workers: s.workers,
    workersEvacuated: Math.round(s.workers * smoothstep(-24, -14, m.hour) * (1 - smoothstep(16, 20, m.hour))),
    lon: s.lon, lat: s.lat, district: s.district,
  }));
}

/** Cranes are secured within hours of the stop order; the last one on each site takes longest. */
function towerCranes(m: Moment): Rec[] {
  return sites.flatMap((s) =>
    Array.from({ length: s.cranes }, (_, k) => {
      const securedAt = -23 + 2 * k;
      const status = !stopped(m.hour) ? 'operating' : m.hour >= securedAt ? 'secured' : 'unsecured';
      const lon = Math.round((s.lon + 0.001 * (k - 1)) * 1000) / 1000;
      return {
        craneId: `TC-${s.siteId.slice(3)}-${String(k + 1).padStart(2, '0')}`, observedAt: m.nowIso, siteId: s.siteId, status,
        heightM: 80 + 15 * k, windSpeedMs: Math.round(windSpeedAt(lon, s.lat, m.hour, `crane:${s.siteId}:${k}`) * 1.25 * 10) / 10,
        lon, lat: s.lat, district: s.district,
      };
    }),
  );
}

const buildings: readonly (Place & { buildingId: string; address: string; grade: 'C' | 'D'; residents: number })[] = [
  { buildingId: 'DB-SM-0033', address: '思明区中华街道大同路XX号', grade: 'D', residents: 14, ...near('SM03', 0.001, 0.001) },
  { buildingId: 'DB-SM-0047', address: '思明区鼓浪屿内厝澳路XX号', grade: 'C', residents: 9, ...near('SM01', 0.001, 0.003) },
  { buildingId: 'DB-HL-0012', address: '湖里区殿前街道高殿社区XX号', grade: 'D', residents: 22, ...near('HL02', 0.001, 0.002) },
  { buildingId: 'DB-TA-0105', address: '同安区大同街道南门社区XX号', grade: 'C', residents: 31, ...near('TA01', 0.001, -0.002) },
  { buildingId: 'DB-XA-0061', address: '翔安区新店镇洪前村XX号', grade: 'D', residents: 18, ...near('XA01', 0.001, 0.004) },
  { buildingId: 'DB-JM-0029', address: '集美区灌口镇三社村XX号', grade: 'C', residents: 12, ...near('JM04', -0.002, 0.002) },
];

/** D-grade buildings are emptied first; everyone goes home a day after landfall. */
function dangerousBuildings(m: Moment): Rec[] {
  return buildings.map((b) => {
    const out = smoothstep(b.grade === 'D' ? -24 : -18, b.grade === 'D' ? -14 : -8, m.hour) * (1 - smoothstep(16, 24, m.hour));
    return { ...b, observedAt: m.nowIso, evacuated: Math.round(b.residents * out) };
  });
}

export const constructionGenerators: Generators = {
  'construction-site-stop': constructionSites,
  'tower-crane': towerCranes,
  'dangerous-building': dangerousBuildings,
};
