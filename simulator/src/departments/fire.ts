/** 消防救援支队: stations (a register) and 119 calls that come in with the storm. */
import { incidentStatus, scriptedIncidents } from './incidents.ts';
import { near, type Place } from './places.ts';
import { impact, rand, type Generators, type Moment, type Rec } from './scenario.ts';

const stations: readonly (Place & { stationId: string; name: string; stationType: string; firefighters: number; engines: number; boats: number })[] = [
  { stationId: 'FS-SM-01', name: '思明特勤站', stationType: 'special-service', firefighters: 60, engines: 12, boats: 4, ...near('SM06', 0.004, 0.004) },
  { stationId: 'FS-SM-03', name: '鼓浪屿消防站', stationType: 'small', firefighters: 18, engines: 3, boats: 2, ...near('SM01', 0.002, -0.002) },
  { stationId: 'FS-HL-01', name: '湖里特勤站', stationType: 'special-service', firefighters: 55, engines: 11, boats: 4, ...near('HL01', 0.004, -0.002) },
  { stationId: 'FS-JM-01', name: '集美消防站', stationType: 'standard', firefighters: 35, engines: 7, boats: 3, ...near('JM01', -0.002, 0.004) },
  { stationId: 'FS-HC-01', name: '海沧消防站', stationType: 'standard', firefighters: 32, engines: 7, boats: 2, ...near('HC01', 0.004, -0.002) },
  { stationId: 'FS-TA-01', name: '同安消防站', stationType: 'standard', firefighters: 34, engines: 7, boats: 3, ...near('TA01', 0.003, 0.003) },
  { stationId: 'FS-XA-01', name: '翔安消防站', stationType: 'standard', firefighters: 33, engines: 7, boats: 3, ...near('XA02', -0.002, 0.003) },
  { stationId: 'FS-XA-05', name: '大嶝微型消防站', stationType: 'micro', firefighters: 8, engines: 1, boats: 1, ...near('XA05', 0.002, 0.003) },
];

const stationOf = (district: string) => stations.find((s) => s.district === district) ?? stations[0]!;

/**
 * 119 calls: one for each scripted incident fire answers, plus a tail of flood rescues and trees
 * whose number grows with the storm's grip (called at storm hours fixed by a hash, so always the same).
 */
function fireCalls(m: Moment): Rec[] {
  const fromIncidents = scriptedIncidents.filter((i) => ['fire', 'flood', 'collapse', 'rescue', 'waterlogging'].includes(i.kind)).flatMap((i) => {
    const status = incidentStatus(i, m.hour);
    if (!status) return [];
    const s = stationOf(i.district);
    const kind = i.kind === 'fire' ? 'fire' : i.kind === 'collapse' ? 'collapse' : i.kind === 'rescue' ? 'trapped' : 'flood-rescue';
    const callStatus = status === 'closed' ? 'closed' : m.hour < i.opens + 0.3 ? 'received' : m.hour < i.opens + 0.8 ? 'dispatched' : 'on-scene';
    return [{
      callId: `119-${i.incidentId}`, observedAt: m.nowIso, kind, status: callStatus, address: i.title, stationId: s.stationId,
      vehiclesSent: 3, trapped: i.trapped, rescued: status === 'closed' ? i.trapped : callStatus === 'on-scene' ? Math.floor(i.trapped / 2) : 0,
      lon: i.lon, lat: i.lat, district: i.district,
    }];
  });
  const minor = Array.from({ length: 16 }, (_, k) => k).flatMap((k) => {
    const s = stations[k % stations.length]!;
    const at = -10 + 24 * rand(`call:${k}`);
    if (m.hour < at || impact(at) < 0.2) return [];
    const closed = m.hour >= at + 2;
    return [{
      callId: `119-S${String(k).padStart(3, '0')}`, observedAt: m.nowIso, kind: k % 3 === 0 ? 'tree' : 'flood-rescue',
      status: closed ? 'closed' : m.hour < at + 0.5 ? 'dispatched' : 'on-scene', address: `${s.name}辖区${k % 3 === 0 ? '树木倒伏' : '车辆被困积水'}`,
      stationId: s.stationId, vehiclesSent: 1, lon: s.lon + 0.004 * (rand(`x:${k}`) - 0.5), lat: s.lat + 0.004 * (rand(`y:${k}`) - 0.5), district: s.district,
    }];
  });
  return [...fromIncidents, ...minor];
}

export const fireGenerators: Generators = {
  'fire-station': (m) => stations.map((s) => ({ ...s, observedAt: m.nowIso })),
  'fire-call': fireCalls,
};
