/** 海洋发展局: tides with the typhoon's surge, waves, the storm-surge warning, fishing boats back in harbour. */
import { near } from './places.ts';
import { expectedImpact, impact, rand, round, smoothstep, type Generators, type Moment, type Rec } from './scenario.ts';
import { WARNING_TIDE_CM, astronomicalTideCm, surgeCm, tideLevelCm } from './ocean-tide.ts';
import { alertRecord, levelIndex, warningTrack } from './warnings.ts';

const tideStations = [
  { stationId: 'XIAMEN', name: '厦门站', lagH: 0, warning: WARNING_TIDE_CM, ...near('HL01', -0.012, -0.004) },
  { stationId: 'LIUWUDIAN', name: '刘五店站', lagH: 0.2, warning: WARNING_TIDE_CM + 10, ...near('XA01', 0.01, -0.03) },
  { stationId: 'SONGYU', name: '嵩屿站', lagH: 0.1, warning: WARNING_TIDE_CM - 5, ...near('HC03', 0.004, -0.006) },
];

function tideLevels(m: Moment): Rec[] {
  return tideStations.map((s) => {
    const astro = round(astronomicalTideCm(m.hour, s.lagH), 0);
    const level = tideLevelCm(m.hour, s.lagH);
    return {
      stationId: s.stationId, observedAt: m.nowIso, name: s.name, levelCm: level, warningLevelCm: s.warning,
      astronomicalCm: astro, surgeCm: round(level - astro, 0), lon: s.lon, lat: s.lat,
    };
  });
}

const buoys = [
  { stationId: 'BUOY-XM01', lon: 118.2, lat: 24.36, exposure: 1.0 },
  { stationId: 'BUOY-XM02', lon: 118.45, lat: 24.42, exposure: 1.1 },
  { stationId: 'BUOY-XM03', lon: 118.05, lat: 24.4, exposure: 0.7 },
];

/** Swell arrives ahead of the storm and the sea stays rough after it: waves lag the wind. */
function waveHeights(m: Moment): Rec[] {
  const sea = Math.max(impact(m.hour), 0.8 * impact(m.hour - 3), 0.6 * expectedImpact(m.hour, 8));
  return buoys.map((b) => {
    const hs = round(0.6 + 6.2 * b.exposure * sea ** 1.1 * (0.95 + 0.1 * rand(`hs:${b.stationId}:${Math.floor(m.hour)}`)), 1);
    return {
      stationId: b.stationId, observedAt: m.nowIso, significantWaveM: hs, maxWaveM: round(hs * 1.6, 1),
      periodS: round(5 + 6 * sea, 1), directionDeg: 135, lon: b.lon, lat: b.lat,
    };
  });
}

/** Storm-surge warnings on the forecast surge for the next 6 h: 40/80/110/140 cm above the tide. */
const stormSurgeWarning = warningTrack((h) => {
  let peak = 0;
  for (let k = 0; k <= 6; k++) peak = Math.max(peak, surgeCm(h + k));
  return levelIndex(peak, [40, 80, 110, 140]);
});

function stormSurgeWarnings(m: Moment): Rec[] {
  const state = stormSurgeWarning(m.hour);
  if (!state) return [];
  return [alertRecord(m, {
    alertId: 'XMHY-2614-FBC', event: '风暴潮', sender: '厦门市海洋预报台', noun: '警报', areas: ['思明区', '湖里区', '海沧区', '翔安区', '集美区'],
    advice: '沿海低洼地区人员请撤离，海上作业人员上岸避险，加固海堤和养殖设施。',
  }, state)];
}

const harbours = [
  { harbourId: 'HB-GAOQI', name: '高崎渔港', boats: 420, ...near('HL02', -0.006, 0.006) },
  { harbourId: 'HB-SHAPOWEI', name: '沙坡尾避风坞', boats: 120, ...near('SM02', -0.002, -0.002) },
  { harbourId: 'HB-AOTOU', name: '澳头渔港', boats: 380, ...near('XA01', 0.01, -0.03) },
  { harbourId: 'HB-OUCUO', name: '欧厝渔港', boats: 260, ...near('XA05', -0.006, -0.003) },
  { harbourId: 'HB-AOGUAN', name: '鳌冠渔港', boats: 150, ...near('HC03', -0.006, -0.004) },
];

/** Boats are called home from ~28 h out; all in before the storm; people ashore; back to sea a day after. */
function fishingBoats(m: Moment): Rec[] {
  const home = smoothstep(-28, -12, m.hour) * (1 - smoothstep(18, 28, m.hour));
  const ashore = smoothstep(-14, -6, m.hour) * (1 - smoothstep(14, 24, m.hour));
  return harbours.map((h) => {
    const usualAtSea = 0.6;
    const atSea = Math.round(h.boats * usualAtSea * (1 - home));
    const inHarbour = h.boats - atSea;
    return {
      harbourId: h.harbourId, observedAt: m.nowIso, name: h.name, boatsRegistered: h.boats, boatsInHarbour: inHarbour, boatsAtSea: atSea,
      peopleAboard: Math.round(inHarbour * 2 * (1 - ashore)), lon: h.lon, lat: h.lat, district: h.district,
    };
  });
}

export const oceanGenerators: Generators = {
  'tide-level': tideLevels,
  'wave-height': waveHeights,
  'storm-surge-warning': stormSurgeWarnings,
  'fishing-boat': fishingBoats,
};
