/** 通信管理局: base stations drop when their feeder trips and batteries run out; comms vehicles go to incidents. */
import { incidentById, responderAt } from './incidents.ts';
import { along, near, type Place } from './places.ts';
import { rand, type Generators, type Moment, type Rec } from './scenario.ts';
import { feeders, outageState, tripHour } from './power.ts';

const OPERATORS = ['china-mobile', 'china-telecom', 'china-unicom', 'china-tower'] as const;
const OP_CODE: Record<(typeof OPERATORS)[number], string> = { 'china-mobile': 'CM', 'china-telecom': 'CT', 'china-unicom': 'CU', 'china-tower': 'TT' };

// Two sites on each feeder's area: when the feeder trips they run on batteries (~3 h), then go down.
const sites = feeders.flatMap((f, i) =>
  [0, 1].map((k) => {
    const operator = OPERATORS[(i + k) % OPERATORS.length]!;
    return {
      siteId: `BS-${OP_CODE[operator]}-${f.outageId.slice(-3)}-${k + 1}`, operator, feeder: f,
      batteryH: 2 + 3 * rand(`bat:${f.outageId}:${k}`),
      lon: Math.round((f.lon + (k ? 0.004 : -0.004)) * 1000) / 1000, lat: f.lat, district: f.district,
    };
  }),
);

function baseStationOutages(m: Moment): Rec[] {
  return sites.flatMap((s) => {
    const state = outageState(s.feeder, m.hour);
    if (!state) return [];
    const onBatteryFor = m.hour - tripHour(s.feeder)!;
    const status = state === 'restored' ? 'restored' : onBatteryFor < s.batteryH ? 'on-backup' : 'down';
    return [{ siteId: s.siteId, observedAt: m.nowIso, operator: s.operator, status, cause: 'power', lon: s.lon, lat: s.lat, district: s.district }];
  });
}

const vehicles: readonly { vehicleId: string; name: string; operator: (typeof OPERATORS)[number]; capability: string; home: Place; incidentId: string }[] = [
  { vehicleId: 'ECV-CM-02', name: '厦门移动卫星应急通信车2号', operator: 'china-mobile', capability: 'satellite-cellular', home: near('HL03', 0.004, -0.003), incidentId: 'INC-05' },
  { vehicleId: 'ECV-CT-01', name: '厦门电信应急通信车1号', operator: 'china-telecom', capability: 'satellite', home: near('SM05', 0.004, 0.004), incidentId: 'INC-08' },
  { vehicleId: 'ECV-CU-01', name: '厦门联通应急通信车1号', operator: 'china-unicom', capability: 'cellular', home: near('JM03', 0.003, 0.003), incidentId: 'INC-02' },
  { vehicleId: 'ECV-TT-01', name: '铁塔系留无人机应急基站', operator: 'china-tower', capability: 'drone-relay', home: near('XA02', 0.004, 0.004), incidentId: 'INC-09' },
];

function commsVehicles(m: Moment): Rec[] {
  return vehicles.map((v) => {
    const incident = incidentById.get(v.incidentId)!;
    const r = responderAt(incident, m.hour, 1.5);
    const status = r.phase === 'dispatched' ? 'en-route' : r.phase === 'on-site' ? 'on-site' : r.phase === 'returning' ? 'returning' : 'standby';
    return {
      vehicleId: v.vehicleId, observedAt: m.nowIso, name: v.name, operator: v.operator, capability: v.capability, status,
      ...(status === 'en-route' || status === 'on-site' ? { incidentId: v.incidentId } : {}), ...along(v.home, incident, r.f),
    };
  });
}

export const telecomGenerators: Generators = {
  'base-station-outage': baseStationOutages,
  'emergency-comms-vehicle': commsVehicles,
};
