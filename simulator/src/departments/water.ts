/** 水利局: reservoirs and rivers rising with the rain, flash-flood warnings, sluices and pumps, dike patrols. */
import { xiamen } from '@beacon/shared';
import { near } from './places.ts';
import { accumulatedRain, impact, rainAt, rainMemory, round, type Generators, type Moment, type Rec } from './scenario.ts';
import { alertRecord, levelIndex, warningTrack } from './warnings.ts';
import { tideLevelCm } from './ocean-tide.ts';

// Real reservoirs of Xiamen; levels are simulated around plausible flood-limit levels.
const reservoirs = [
  { stationId: 'RSV-TINGXI', name: '汀溪水库', floodLimit: 98.5, start: 97.2, gain: 0.012, storagePerM: 1.6, ...near('TA04', -0.006, 0.008) },
  { stationId: 'RSV-LIANHUA', name: '莲花水库', floodLimit: 187.0, start: 185.6, gain: 0.014, storagePerM: 1.2, ...near('TA05', 0.006, 0.008) },
  { stationId: 'RSV-BANTOU', name: '坂头水库', floodLimit: 62.0, start: 60.9, gain: 0.01, storagePerM: 1.4, ...near('JM05', 0.008, 0.004) },
  { stationId: 'RSV-SHIDOU', name: '石兜水库', floodLimit: 56.5, start: 55.7, gain: 0.009, storagePerM: 0.9, ...near('JM05', -0.008, 0.006) },
  { stationId: 'RSV-SHANGLI', name: '上李水库', floodLimit: 32.8, start: 32.1, gain: 0.006, storagePerM: 0.3, ...near('SM05', 0.006, -0.006) },
];

/** A reservoir holds a day's rain (time constant 24 h): it rises late and falls slowly. */
function reservoirLevels(m: Moment): Rec[] {
  return reservoirs.map((r) => {
    const stored = rainMemory(r.lon, r.lat, m.hour, 24);
    const levelM = round(r.start + r.gain * stored, 2);
    const above = levelM - r.floodLimit;
    return {
      stationId: r.stationId, observedAt: m.nowIso, name: r.name, levelM, floodLimitLevelM: r.floodLimit, designFloodLevelM: round(r.floodLimit + 3.2, 1),
      storageMillionM3: round(r.storagePerM * (10 + levelM - r.start), 2),
      inflowM3s: round(2 + rainAt(r.lon, r.lat, m.hour) * 4, 1),
      // Above the flood limit the gates release to bring it back down.
      outflowM3s: round(above > 0 ? 5 + above * 60 : 1.5, 1),
      lon: r.lon, lat: r.lat, district: r.district,
    };
  });
}

const rivers = [
  { stationId: 'RIV-DONGXI-TA', name: '东西溪 同安站', base: 4.1, warning: 6.5, guarantee: 7.8, gain: 0.022, ...near('TA01', 0.002, -0.004) },
  { stationId: 'RIV-TINGXI-TX', name: '汀溪 汀溪站', base: 42.3, warning: 44.5, guarantee: 45.6, gain: 0.02, ...near('TA04', 0.002, -0.002) },
  { stationId: 'RIV-JIUXI-XA', name: '九溪 新店站', base: 3.2, warning: 5.3, guarantee: 6.4, gain: 0.018, ...near('XA01', -0.002, 0.002) },
  { stationId: 'RIV-GUOYUN-JM', name: '过芸溪 后溪站', base: 8.6, warning: 10.8, guarantee: 12.0, gain: 0.02, ...near('JM05', 0.002, -0.002) },
  { stationId: 'RIV-SHENQING-JM', name: '深青溪 灌口站', base: 11.4, warning: 13.2, guarantee: 14.5, gain: 0.016, ...near('JM04', 0.003, 0.002) },
];

/** Small steep rivers answer within hours (time constant 4 h). */
function riverLevels(m: Moment): Rec[] {
  return rivers.map((r) => {
    const levelM = round(r.base + r.gain * rainMemory(r.lon, r.lat, m.hour, 4), 2);
    return {
      stationId: r.stationId, observedAt: m.nowIso, name: r.name, levelM, warningLevelM: r.warning, guaranteeLevelM: r.guarantee,
      flowM3s: round(5 + 40 * Math.max(0, levelM - r.base) ** 1.5, 1), lon: r.lon, lat: r.lat, district: r.district,
    };
  });
}

const hillGauges = xiamen.rainGauges.filter((g) => ['同安区', '集美区', '翔安区', '海沧区'].includes(g.district));

/** Flash floods follow the 3-hour totals in the hill towns: 40/60/80/100 mm, defaults a city tunes. */
const flashFloodWarning = warningTrack((h) =>
  Math.max(0, ...hillGauges.map((g) => levelIndex(accumulatedRain(g.lon, g.lat, h, 3), [40, 60, 80, 100]))),
);

function flashFloodWarnings(m: Moment): Rec[] {
  const state = flashFloodWarning(m.hour);
  if (!state) return [];
  // The districts whose gauges are over the blue mark now (all hill districts once it is lifted).
  const areas = [...new Set(hillGauges.filter((g) => accumulatedRain(g.lon, g.lat, m.hour, 3) >= 40).map((g) => g.district))];
  return [alertRecord(m, {
    alertId: 'XMSL-2614-SH', event: '山洪', sender: '厦门市水利局', noun: '预警', areas: areas.length ? areas : ['同安区', '集美区'],
    advice: '山区溪河沿岸人员请立即转移至安全地带，切勿涉水过河。',
  }, state)];
}

const facilities = [
  { facilityId: 'SL-XINGLIN-01', name: '杏林湾排洪闸', facility: 'sluice', ...near('JM02', 0.006, -0.006) },
  { facilityId: 'SL-YUANDANG-01', name: '筼筜湖西堤闸', facility: 'sluice', ...near('SM06', -0.006, 0.005) },
  { facilityId: 'SL-DONGXI-01', name: '东西溪挡潮闸', facility: 'sluice', ...near('TA01', 0.004, -0.008) },
  { facilityId: 'PS-YUANDANG-01', name: '筼筜湖排涝泵站', facility: 'pump-station', ...near('SM06', -0.004, 0.006) },
  { facilityId: 'PS-MAXIANG-01', name: '马巷排涝泵站', facility: 'pump-station', ...near('XA02', -0.003, -0.003) },
] as const;

/**
 * Sluices open to let floodwater out at low tide and shut against the high tide; pumping stations
 * run while it rains hard and the sea is too high to drain by gravity.
 */
function sluicesAndPumps(m: Moment): Rec[] {
  const highTide = tideLevelCm(m.hour, 0) > 520;
  return facilities.map((f) => {
    const wet = rainMemory(f.lon, f.lat, m.hour, 2);
    const base = { facilityId: f.facilityId, observedAt: m.nowIso, name: f.name, facility: f.facility, lon: f.lon, lat: f.lat, district: f.district };
    if (f.facility === 'sluice') {
      const open = wet > 15 && !highTide;
      return { ...base, status: open ? 'open' : 'closed', gateOpeningM: open ? round(Math.min(6, wet / 20), 1) : 0, flowM3s: open ? round(Math.min(800, wet * 3), 1) : 0 };
    }
    const pumpsRunning = Math.min(8, Math.floor(wet / 12));
    return { ...base, status: pumpsRunning > 0 ? 'running' : 'stopped', pumpsRunning, pumpsTotal: 8, flowM3s: round(pumpsRunning * 2.5, 1) };
  });
}

const patrols = [
  { patrolId: 'DK-XA-03', section: '西滨海堤 K2+300–K4+100', ...near('XA01', 0.006, -0.008) },
  { patrolId: 'DK-TA-01', section: '东西溪右岸堤防 K0+000–K3+500', ...near('TA01', 0.004, -0.006) },
  { patrolId: 'DK-JM-02', section: '杏林湾海堤 K1+200–K2+800', ...near('JM02', 0.004, -0.004) },
  { patrolId: 'DK-HC-01', section: '海沧湾海堤 K0+500–K2+000', ...near('HC01', -0.002, -0.006) },
];

/** Patrols start when the storm nears; one dike shows seepage around landfall, as dikes do. */
function dikePatrols(m: Moment): Rec[] {
  const grip = impact(m.hour);
  return patrols.map((p, i) => {
    const out = grip > 0.15;
    const hazard = i === 0 && m.hour > -2 && m.hour < 6;
    return {
      patrolId: p.patrolId, observedAt: m.nowIso, section: p.section, patrollers: out ? 8 + Math.round(grip * 20) : 0,
      status: !out ? 'off-duty' : hazard ? 'hazard-found' : 'patrolling', ...(hazard ? { hazard: 'seepage' } : {}),
      lon: p.lon, lat: p.lat, district: p.district,
    };
  });
}

export const waterGenerators: Generators = {
  'reservoir-level': reservoirLevels,
  'river-level': riverLevels,
  'flash-flood-warning': flashFloodWarnings,
  'sluice-pump': sluicesAndPumps,
  'dike-patrol': dikePatrols,
};
