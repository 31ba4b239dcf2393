/** 公安局: bridges and tunnels closed at force 10, units moving to evacuation and rescue, road accidents. */
import { incidentById } from './incidents.ts';
import { along, near, type Place } from './places.ts';
import { smoothstep, type Generators, type Moment, type Rec } from './scenario.ts';
import { cityWindAt, cityWindMaxSoFar } from './wind.ts';

const controls: readonly (Place & { controlId: string; location: string; measure: string; reason: string; atWindMs: number })[] = [
  { controlId: 'TC-XMDQ', location: '厦门大桥 双向', measure: 'closed', reason: '大风', atWindMs: 24.5, ...near('JM01', 0.008, -0.01) },
  { controlId: 'TC-HCDQ', location: '海沧大桥 双向', measure: 'closed', reason: '大风', atWindMs: 24.5, ...near('HC03', 0.008, 0.008) },
  { controlId: 'TC-JMDQ', location: '集美大桥 双向', measure: 'closed', reason: '大风', atWindMs: 24.5, ...near('JM01', 0.01, -0.006) },
  { controlId: 'TC-XASD', location: '翔安隧道 岛外入口', measure: 'one-way', reason: '台风期间限流', atWindMs: 17.2, ...near('XA01', 0.004, -0.01) },
  { controlId: 'TC-HDL', location: '环岛路 曾厝垵—黄厝段', measure: 'closed', reason: '风暴潮越浪', atWindMs: 17.2, ...near('SM04', 0.006, -0.008) },
  { controlId: 'TC-CGDD', location: '成功大道 湖滨北路下穿', measure: 'diversion', reason: '积水', atWindMs: 20, ...near('SM05', -0.004, 0.0) },
];

/** A control goes up when the city's wind reaches its mark; once lifted it stays on the wall as lifted. */
function trafficControls(m: Moment): Rec[] {
  const wind = cityWindAt(m.hour);
  return controls.flatMap((c) => {
    if (cityWindMaxSoFar(m.hour) < c.atWindMs) return [];
    // Up at the mark; after landfall it stays until the wind is 20% below it, so it does not flap.
    const on = m.hour > 0 ? wind >= c.atWindMs * 0.8 : wind >= c.atWindMs;
    return [{
      controlId: c.controlId, observedAt: m.nowIso, location: c.location, measure: c.measure, status: on ? 'active' : 'lifted',
      officers: on ? 6 : 0, reason: c.reason, lon: c.lon, lat: c.lat, district: c.district,
    }];
  });
}

const units: readonly { unitId: string; name: string; officers: number; base: Place; duty: Place; task: string; from: number; to: number }[] = [
  { unitId: 'PD-SM-TJ-02', name: '思明分局特警大队二中队', officers: 30, base: near('SM03'), duty: near('SM04', 0.006, -0.008), task: 'evacuation', from: -14, to: 4 },
  { unitId: 'PD-HL-JJ-01', name: '湖里交警大队一中队', officers: 24, base: near('HL01'), duty: near('JM01', 0.008, -0.01), task: 'traffic', from: -6, to: 10 },
  { unitId: 'PD-JM-PCS-03', name: '集美分局灌口派出所', officers: 18, base: near('JM04'), duty: near('JM04', 0.004, 0.006), task: 'evacuation', from: -10, to: 8 },
  { unitId: 'PD-TA-XJ-01', name: '同安分局巡警大队', officers: 26, base: near('TA01'), duty: near('TA04', 0.004, -0.006), task: 'rescue', from: -1, to: 12 },
  { unitId: 'PD-XA-PCS-02', name: '翔安分局大嶝派出所', officers: 16, base: near('XA05'), duty: near('XA05', 0.004, 0.002), task: 'evacuation', from: -16, to: 2 },
  { unitId: 'PD-HC-JJ-02', name: '海沧交警大队二中队', officers: 20, base: near('HC01'), duty: near('HC03', 0.008, 0.008), task: 'traffic', from: -6, to: 10 },
  { unitId: 'PD-CITY-XF-01', name: '市局巡特警支队机动大队', officers: 60, base: near('HL04'), duty: near('XA01', 0.002, 0.005), task: 'rescue', from: 4, to: 16 },
];

function policeDeployment(m: Moment): Rec[] {
  return units.map((u) => {
    const out = m.hour >= u.from && m.hour < u.to;
    const returning = m.hour >= u.to && m.hour < u.to + 1;
    const f = out ? smoothstep(u.from, u.from + 1, m.hour) : returning ? 1 - (m.hour - u.to) : 0;
    const pos = along(u.base, u.duty, f);
    return {
      unitId: u.unitId, observedAt: m.nowIso, name: u.name, officers: u.officers, vehicles: Math.ceil(u.officers / 5),
      task: out || returning ? u.task : 'standby', status: out ? 'deployed' : returning ? 'returning' : 'standby', ...pos,
      district: out ? u.duty.district : u.base.district,
    };
  });
}

const accidents: readonly { accidentId: string; kind: string; road: string; at: number; clears: number; injured: number; place: Place }[] = [
  { accidentId: 'ACC-0057', kind: 'collision', road: '集美大桥 岛内方向', at: -8, clears: -6, injured: 3, place: incidentById.get('INC-01')! },
  { accidentId: 'ACC-0061', kind: 'fallen-object', road: '仙岳路 湖里段 东向西', at: -1, clears: 2, injured: 1, place: near('HL04', 0.003, 0.004) },
  { accidentId: 'ACC-0064', kind: 'vehicle-in-water', road: '同安 环城南路下穿通道', at: 1, clears: 4, injured: 0, place: near('TA02', 0.004, -0.002) },
  { accidentId: 'ACC-0068', kind: 'rollover', road: '翔安大道 新店段', at: 3, clears: 5, injured: 2, place: near('XA01', -0.004, 0.004) },
];

function accidentReports(m: Moment): Rec[] {
  return accidents.filter((a) => m.hour >= a.at).map((a) => {
    const status = m.hour >= a.clears ? 'cleared' : m.hour < a.at + 0.5 ? 'open' : 'handling';
    return {
      accidentId: a.accidentId, observedAt: m.nowIso, kind: a.kind, status, road: a.road, injured: a.injured, deaths: 0,
      lanesBlocked: status === 'cleared' ? 0 : 2, lon: a.place.lon, lat: a.place.lat, district: a.place.district,
    };
  });
}

export const policeGenerators: Generators = {
  'traffic-control': trafficControls,
  'police-deployment': policeDeployment,
  'accident-report': accidentReports,
};
