/** 气象局: rain gauges, warnings (typhoon and rainstorm), the typhoon track, wind stations, lightning. */
import { xiamen, type RainGauge } from '@beacon/shared';
import { gaugeRainfall1h, stormAt } from '../storm.ts';
import { districtCodes, near } from './places.ts';
import { LAST_HOUR, accumulatedRain, expectedImpact, isoAfter, phaseAtStormHour, rand, round, type Generators, type Moment, type Rec } from './scenario.ts';
import { alertRecord, warningTrack } from './warnings.ts';
import { windFromDeg, windSpeedAt } from './wind.ts';

const gauges = xiamen.rainGauges;

/** One reading per gauge at `observedAt`, the storm at `phase`: any region's gauges (tests run on other regions). */
export function rainReadings(of: readonly RainGauge[], phase: number, observedAt: string): Rec[] {
  return of.map((g) => ({ stationId: g.id, observedAt, rainfall1hMm: gaugeRainfall1h(g, phase) }));
}

/**
 * The typhoon signal follows China's lead times, shortened to fit the pass: blue when the city
 * expects to be hit within 18 h, yellow within 12 h, orange within 9 h, red within 6 h, each for a
 * stronger grip; it steps down as the storm moves inland and is lifted when the grip is gone.
 */
const typhoonWarning = warningTrack((h) => {
  if (expectedImpact(h, 6) >= 0.7) return 4;
  if (expectedImpact(h, 9) >= 0.55) return 3;
  if (expectedImpact(h, 12) >= 0.4) return 2;
  return expectedImpact(h, 18) >= 0.3 ? 1 : 0;
});

/**
 * The rainstorm signal follows the heaviest gauge's totals, as China's signals do: blue 50 mm in
 * 12 h, yellow 50 mm in 6 h, orange 50 mm in 3 h, red 100 mm in 3 h.
 */
const rainstormWarning = warningTrack((h) => {
  let level = 0;
  for (const g of gauges) {
    const r3 = accumulatedRain(g.lon, g.lat, h, 3);
    const r6 = accumulatedRain(g.lon, g.lat, h, 6);
    const r12 = accumulatedRain(g.lon, g.lat, h, 12);
    level = Math.max(level, r3 >= 100 ? 4 : r3 >= 50 ? 3 : r6 >= 50 ? 2 : r12 >= 50 ? 1 : 0);
  }
  return level;
});

const SENDER = '厦门市气象台';

function weatherWarnings(m: Moment): Rec[] {
  const out: Rec[] = [];
  const typhoon = typhoonWarning(m.hour);
  if (typhoon) {
    out.push(alertRecord(m, {
      alertId: 'XMQX-2614-TY', event: '台风', sender: SENDER, noun: '预警信号', areas: [],
      advice: '请停止户外作业和集会，人员转移至安全场所，船舶回港避风。',
    }, typhoon));
  }
  const rain = rainstormWarning(m.hour);
  if (rain) {
    out.push(alertRecord(m, {
      alertId: 'XMQX-2614-BY', event: '暴雨', sender: SENDER, noun: '预警信号', areas: [],
      advice: '请远离低洼、山边和河道，注意防范城乡积涝和山洪、地质灾害。',
    }, rain));
  }
  return out;
}

/** Wind radii grow with intensity: roughly a 300 km force-7 circle at 45 m/s, none below the force. */
const radius = (windMs: number, force: number, perMs: number, base: number) =>
  windMs < force ? undefined : round(base + (windMs - force) * perMs, 0);

/** Speed of the centre over the storm hour around `hour`, km/h. */
function motionKmh(hour: number): number {
  const a = stormAt(phaseAtStormHour(hour - 0.5));
  const b = stormAt(phaseAtStormHour(hour + 0.5));
  return Math.min(100, round(Math.hypot((b.lon - a.lon) * 101.3, (b.lat - a.lat) * 110.6), 0));
}

function typhoonTrack(m: Moment): Rec[] {
  const s = stormAt(m.phase);
  const forecast = [6, 12, 24]
    .filter((k) => m.hour + k <= LAST_HOUR)
    .map((k) => {
      const f = stormAt(phaseAtStormHour(m.hour + k));
      return { at: isoAfter(m, k), lon: f.lon, lat: f.lat, maxWindMs: f.maxWindMs };
    });
  const r7 = radius(s.maxWindMs, 17.2, 9, 120);
  const r10 = radius(s.maxWindMs, 24.5, 4, 40);
  const r12 = radius(s.maxWindMs, 32.7, 3, 20);
  return [{
    typhoonId: '2614', observedAt: m.nowIso, name: '杜鹃', lon: s.lon, lat: s.lat,
    pressureHpa: s.centralPressureHpa, maxWindMs: s.maxWindMs, movingDirection: s.headingDeg, movingSpeedKmh: motionKmh(m.hour),
    ...(r7 === undefined ? {} : { radius7Km: r7 }),
    ...(r10 === undefined ? {} : { radius10Km: r10 }),
    ...(r12 === undefined ? {} : { radius12Km: r12 }),
    ...(forecast.length ? { forecast } : {}),
  }];
}

// 59134 is Xiamen's national station; the others are the district automatic stations.
const windStations = [
  { stationId: 'W59134', ...near('HL04', 0.0, 0.005) },
  { stationId: 'W-SM-HUANDAO', ...near('SM04', 0.004, -0.008) },
  { stationId: 'W-HC-SONGYU', ...near('HC03', -0.003, 0.002) },
  { stationId: 'W-JM-XINGLIN', ...near('JM02', 0.002, 0.002) },
  { stationId: 'W-TA-WUXIAN', ...near('TA03', 0.002, 0.002) },
  { stationId: 'W-XA-DADENG', ...near('XA05', 0.002, 0.002) },
  { stationId: 'W-XA-XINDIAN', ...near('XA01', 0.003, 0.0) },
];

function windStationsNow(m: Moment): Rec[] {
  return windStations.map((w) => {
    const mean = windSpeedAt(w.lon, w.lat, m.hour, w.stationId);
    return {
      stationId: w.stationId, observedAt: m.nowIso, windSpeedMs: mean, gustMs: round(mean * (1.35 + 0.15 * rand(`gust:${w.stationId}:${Math.floor(m.hour * 4)}`)), 1),
      directionDeg: windFromDeg(w.lon, w.lat, m.hour), lon: w.lon, lat: w.lat, district: w.district,
    };
  });
}

/** Strikes follow the convective rain in each district's wettest gauge: the eyewall and the bands. */
function lightning(m: Moment): Rec[] {
  return Object.entries(districtCodes).map(([district, areaCode]) => {
    const wettest = Math.max(0, ...gauges.filter((g) => g.district === district).map((g) => gaugeRainfall1h(g, m.phase)));
    const strikes = Math.round(Math.max(0, wettest - 5) * (0.8 + 0.6 * rand(`ltg:${areaCode}:${Math.floor(m.hour * 2)}`)));
    return {
      areaCode, observedAt: m.nowIso, district, strikes10min: strikes, intraCloud10min: strikes * 3,
      ...(strikes > 0 ? { maxCurrentKA: round(20 + 60 * rand(`ka:${areaCode}:${Math.floor(m.hour * 2)}`), 1) } : {}),
    };
  });
}

export const meteorologyGenerators: Generators = {
  'rain-gauge': (m) => rainReadings(gauges, m.phase, m.nowIso),
  'weather-warning': weatherWarnings,
  'typhoon-track': typhoonTrack,
  'wind-station': windStationsNow,
  lightning,
};
