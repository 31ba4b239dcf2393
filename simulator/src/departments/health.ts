/** 卫生健康委: free beds falling as casualties arrive, ambulances to incidents, casualty counts per district. */
import { incidentById, incidentStatus, responderAt, scriptedIncidents } from './incidents.ts';
import { along, districtNames, districtPrefix, near, type Place } from './places.ts';
import { smoothstep, type Generators, type Moment, type Rec } from './scenario.ts';

const hospitals: readonly (Place & { hospitalId: string; name: string; grade: string; totalBeds: number; icu: number })[] = [
  { hospitalId: 'H-ZSYY', name: '厦门大学附属中山医院', grade: 'tertiary', totalBeds: 2300, icu: 60, ...near('SM05', -0.006, 0.002) },
  { hospitalId: 'H-DYYY', name: '厦门大学附属第一医院', grade: 'tertiary', totalBeds: 2900, icu: 80, ...near('SM03', 0.006, 0.004) },
  { hospitalId: 'H-XXG', name: '厦门大学附属心血管病医院', grade: 'tertiary', totalBeds: 700, icu: 40, ...near('HL04', 0.003, -0.003) },
  { hospitalId: 'H-SDEYY', name: '厦门市第二医院', grade: 'tertiary', totalBeds: 1200, icu: 30, ...near('JM03', 0.002, 0.004) },
  { hospitalId: 'H-HCYY', name: '厦门市海沧医院', grade: 'secondary', totalBeds: 650, icu: 16, ...near('HC02', 0.003, -0.003) },
  { hospitalId: 'H-TAYY', name: '厦门市第三医院', grade: 'tertiary', totalBeds: 1100, icu: 28, ...near('TA02', 0.002, 0.002) },
  { hospitalId: 'H-XAYY', name: '厦门大学附属翔安医院', grade: 'tertiary', totalBeds: 1500, icu: 36, ...near('XA03', -0.004, -0.004) },
];

/** Beds fill as planned admissions are postponed but storm casualties come in; they free again after. */
function hospitalBeds(m: Moment): Rec[] {
  const strain = smoothstep(-6, 4, m.hour) * (1 - smoothstep(12, 30, m.hour));
  return hospitals.map((h) => ({
    hospitalId: h.hospitalId, observedAt: m.nowIso, name: h.name, grade: h.grade, totalBeds: h.totalBeds,
    freeBeds: Math.round(h.totalBeds * (0.12 - 0.07 * strain)), icuFree: Math.max(0, Math.round(h.icu * (0.2 - 0.15 * strain))),
    lon: h.lon, lat: h.lat, district: h.district,
  }));
}

const ambulances: readonly { vehicleId: string; base: string; home: Place; incidentId?: string; hospitalId: string }[] = [
  { vehicleId: '120-SM-03', base: '120思明分站', home: near('SM03'), incidentId: 'INC-03', hospitalId: 'H-DYYY' },
  { vehicleId: '120-SM-07', base: '120思明分站', home: near('SM05'), incidentId: 'INC-10', hospitalId: 'H-ZSYY' },
  { vehicleId: '120-HL-02', base: '120湖里分站', home: near('HL01'), incidentId: 'INC-06', hospitalId: 'H-XXG' },
  { vehicleId: '120-JM-01', base: '120集美分站', home: near('JM01'), incidentId: 'INC-01', hospitalId: 'H-SDEYY' },
  { vehicleId: '120-JM-04', base: '120集美分站', home: near('JM03'), incidentId: 'INC-02', hospitalId: 'H-SDEYY' },
  { vehicleId: '120-HC-02', base: '120海沧分站', home: near('HC02'), incidentId: 'INC-04', hospitalId: 'H-HCYY' },
  { vehicleId: '120-TA-01', base: '120同安分站', home: near('TA02'), incidentId: 'INC-05', hospitalId: 'H-TAYY' },
  { vehicleId: '120-TA-05', base: '120同安分站', home: near('TA06'), incidentId: 'INC-08', hospitalId: 'H-TAYY' },
  { vehicleId: '120-XA-02', base: '120翔安分站', home: near('XA03'), incidentId: 'INC-09', hospitalId: 'H-XAYY' },
  { vehicleId: '120-XA-06', base: '120翔安分站', home: near('XA02'), hospitalId: 'H-XAYY' },
];

function ambulancesNow(m: Moment): Rec[] {
  return ambulances.map((a) => {
    const incident = a.incidentId ? incidentById.get(a.incidentId) : undefined;
    const r = incident ? responderAt(incident, m.hour, 0.5) : { phase: 'standby' as const, f: 0 };
    const pos = incident ? along(a.home, incident, r.f) : { lon: a.home.lon, lat: a.home.lat };
    const status = r.phase === 'dispatched' ? 'dispatched' : r.phase === 'on-site' ? 'transporting' : r.phase === 'returning' ? 'at-hospital' : 'available';
    return {
      vehicleId: a.vehicleId, observedAt: m.nowIso, base: a.base, status, ...pos,
      ...(incident && status !== 'available' ? { incidentId: incident.incidentId } : {}),
      ...(status === 'transporting' || status === 'at-hospital' ? { hospitalId: a.hospitalId } : {}),
    };
  });
}

/** One running report per district: deaths, injured, missing and hospitalised from the incidents so far. */
function casualtyReports(m: Moment): Rec[] {
  return districtNames.map((district) => {
    const here = scriptedIncidents.filter((i) => i.district === district && incidentStatus(i, m.hour));
    const injured = here.reduce((n, i) => n + i.casualties, 0);
    const missing = here.filter((i) => incidentStatus(i, m.hour) === 'open').reduce((n, i) => n + Math.min(2, i.trapped), 0);
    return {
      reportId: `CAS-${districtPrefix[district]}-2614`,
      observedAt: m.nowIso, district, deaths: 0, injured, missing, hospitalised: Math.ceil(injured * 0.6),
    };
  });
}

export const healthGenerators: Generators = {
  'hospital-beds': hospitalBeds,
  ambulance: ambulancesNow,
  'casualty-report': casualtyReports,
};
