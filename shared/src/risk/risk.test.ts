import { describe, expect, it } from 'vitest';
import { xiamen } from '../region/xiamen/index.ts';
import { distanceKm } from '../geo/distance.ts';
import { assessRisk, riskOf } from './assess.ts';
import { createRiskCache } from './cache.ts';
import { severity } from './severity.ts';
import {
  HOUR,
  MINUTE,
  everyGauge,
  geohazardPointEvent,
  populationEvent,
  rainHours,
  recordEvent,
  stateOf,
  tideEvent,
  typhoonEvent,
  warningEvent,
  waterloggingEvent,
} from './test-records.ts';
import type { AreaRisk, RiskAssessment } from './types.ts';
import { RAIN_1H_THRESHOLDS } from './weights.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const DISTRICTS = Object.keys(xiamen.districtNames);
const gauge = (id: string) => xiamen.rainGauges.find((g) => g.id === id)!;
const centre = (district: string) => xiamen.districts.features.find((f) => f.properties.name === district)!.properties.center;
const district = (a: RiskAssessment, name: string) => riskOf(a, name)!;
const factorIds = (r: AreaRisk) => r.factors.map((f) => f.id);
const all = (a: RiskAssessment) => [...a.districts, ...a.subdistricts];

describe('a calm day', () => {
  it('grades every district and subdistrict none, with nothing to explain', () => {
    const state = stateOf([
      ...everyGauge(xiamen, NOW, () => 0.5),
      tideEvent('XIAMEN', NOW, { levelCm: 380, warningLevelCm: 460 }),
      populationEvent('XM-500M', NOW, [[gauge('SM03').lon, gauge('SM03').lat, 80_000]]),
    ]);
    const a = assessRisk(state, xiamen, NOW);
    expect(a.districts.map((r) => r.area.district)).toEqual(xiamen.districts.features.map((f) => f.properties.name));
    expect(a.subdistricts).toHaveLength(31);
    for (const r of all(a)) expect(r).toMatchObject({ grade: 'none', score: 0, factors: [] });
  });

  it('grades an empty state none too: a city with no data yet', () => {
    for (const r of all(assessRisk(stateOf([]), xiamen, NOW))) expect(r.grade).toBe('none');
  });
});

describe('heavy rain over 同安区 only', () => {
  // Every 同安 gauge has had three red hours (60, 55, 50 mm); the rest of the city is dry.
  const events = xiamen.rainGauges.flatMap((g) => (g.district === '同安区' ? rainHours(g.id, NOW, [50, 55, 60]) : rainHours(g.id, NOW, [0])));
  const a = assessRisk(stateOf(events), xiamen, NOW);

  it('grades 同安区 by its rain, and rainfall is the reason the officer reads first', () => {
    const tongan = district(a, '同安区');
    // 25 (wettest 1 h ≥ red) + 10 (mean ≥ red) + 20 (3 h 165 mm ≥ red) = 55: orange on rain alone.
    expect(tongan).toMatchObject({ grade: 'orange', score: 55 });
    expect(tongan.factors[0]).toMatchObject({ id: 'rainfall', value: 60, unit: 'mm', contribution: 55 });
    expect(tongan.factors[0]!.detail.zh).toContain('最大3小时累计 165 mm');
  });

  it('leaves the dry districts ungraded', () => {
    for (const name of DISTRICTS.filter((d) => d !== '同安区')) expect(district(a, name).grade).toBe('none');
  });

  it('forgets rain an hour after the gauges went quiet', () => {
    const later = assessRisk(stateOf(events), xiamen, NOW + HOUR + MINUTE);
    expect(district(later, '同安区').grade).toBe('none');
  });
});

describe('a typhoon coming ashore at 思明区', () => {
  // 30 km due south of 思明's centre; the track carries no wind radii, so the defaults (50/100/250 km) apply.
  const [lon, lat] = centre('思明区');
  const eye = { lon, lat: lat - 30 / 111.195 };
  const a = assessRisk(
    stateOf([
      warningEvent('weather-warning', 'XMQX-TY-RED', NOW - HOUR, { level: 'red', event: '台风', areas: [] }),
      typhoonEvent('2614', NOW - 10 * MINUTE, eye),
    ]),
    xiamen,
    NOW,
  );

  it('turns 思明区 red, and says why: the red warning and the force-12 circle', () => {
    const siming = district(a, '思明区');
    expect(siming.grade).toBe('red');
    expect(siming.score).toBe(80);
    expect(factorIds(siming).sort()).toEqual(['typhoon', 'warning']);
    const typhoon = siming.factors.find((f) => f.id === 'typhoon')!;
    expect(typhoon.value).toBeCloseTo(30, 0);
    expect(typhoon.detail.zh).toContain('十二级风圈');
    expect(typhoon.detail.en).toContain('default');
    expect(siming.factors.find((f) => f.id === 'warning')).toMatchObject({ value: 'red', contribution: 40 });
  });

  it('covers every district with the whole-city warning, and the typhoon only where its circles reach', () => {
    for (const r of a.districts) expect(factorIds(r)).toContain('warning');
    const tongan = district(a, '同安区'); // about 60 km from the eye: force-10, not force-12
    expect(distanceKm(centre('同安区')[0], centre('同安区')[1], eye.lon, eye.lat)).toBeGreaterThan(50);
    expect(tongan.factors.find((f) => f.id === 'typhoon')!.contribution).toBeLessThan(40);
  });

  it('believes the radii a track sends: no force-12 circle sent means none', () => {
    const b = assessRisk(
      stateOf([typhoonEvent('2614', NOW, { ...eye, radius7Km: 300, radius10Km: 120 })]),
      xiamen,
      NOW,
    );
    expect(district(b, '思明区').factors[0]).toMatchObject({ id: 'typhoon', contribution: 28 });
  });

  it('drops a position six hours old: the storm has gone or the feed has', () => {
    const b = assessRisk(stateOf([typhoonEvent('2614', NOW - 6 * HOUR - MINUTE, eye)]), xiamen, NOW);
    expect(district(b, '思明区').grade).toBe('none');
  });
});

describe('geological hazard points', () => {
  const ta01 = gauge('TA01');
  const slope = geohazardPointEvent('350212-001', NOW - 30 * 24 * HOUR, { lon: ta01.lon + 0.005, lat: ta01.lat + 0.005, district: '同安区', riskLevel: 'high' });
  const geohazard = (r: AreaRisk) => r.factors.find((f) => f.id === 'geohazard');

  it('do not count on a dry day: a slope is dangerous when it is wet', () => {
    const a = assessRisk(stateOf([slope, ...everyGauge(xiamen, NOW, () => 0)]), xiamen, NOW);
    expect(geohazard(district(a, '同安区'))).toBeUndefined();
    expect(district(a, '同安区').grade).toBe('none');
  });

  it('do not count under light rain below the yellow 1 h mark', () => {
    const a = assessRisk(stateOf([slope, ...everyGauge(xiamen, NOW, () => RAIN_1H_THRESHOLDS.yellow - 1)]), xiamen, NOW);
    expect(geohazard(district(a, '同安区'))).toBeUndefined();
  });

  it('count when the gauge next to them reaches the yellow mark', () => {
    const a = assessRisk(stateOf([slope, ...everyGauge(xiamen, NOW, (id) => (id === 'TA01' ? 30 : 0))]), xiamen, NOW);
    // high (3) × trigger 2 × severity(30 mm) = 1.5 → 4.5 units × 2 points = 9
    expect(geohazard(district(a, '同安区'))).toMatchObject({ value: 1, contribution: 9 });
  });

  it('do not count for rain far away', () => {
    const a = assessRisk(stateOf([slope, ...everyGauge(xiamen, NOW, (_, d) => (d === '翔安区' ? 60 : 0))]), xiamen, NOW);
    expect(geohazard(district(a, '同安区'))).toBeUndefined();
  });

  it('count under a geo-hazard warning for their district, even before the rain arrives', () => {
    const a = assessRisk(
      stateOf([slope, warningEvent('geohazard-warning', 'XMZR-GEO-1', NOW - HOUR, { level: 'orange', event: '地质灾害', areas: ['同安区'] })]),
      xiamen,
      NOW,
    );
    // high (3) × orange warning trigger 1.5 × 2 points = 9, next to the warning's own 28
    expect(geohazard(district(a, '同安区'))).toMatchObject({ contribution: 9 });
    expect(geohazard(district(a, '集美区'))).toBeUndefined();
  });
});

describe('warnings that no longer count', () => {
  const issued = warningEvent('weather-warning', 'XMQX-RS-01', NOW - 2 * HOUR, { level: 'red', areas: ['湖里区'] });

  it('an active red warning counts for its district only', () => {
    const a = assessRisk(stateOf([issued]), xiamen, NOW);
    expect(district(a, '湖里区').factors).toMatchObject([{ id: 'warning', contribution: 40 }]);
    expect(district(a, '思明区').factors).toEqual([]);
  });

  it('a lifted warning (same id, status lifted) counts for nothing', () => {
    const lifted = warningEvent('weather-warning', 'XMQX-RS-01', NOW - HOUR, { level: 'red', status: 'lifted', areas: ['湖里区'] });
    const a = assessRisk(stateOf([issued, lifted]), xiamen, NOW);
    expect(district(a, '湖里区')).toMatchObject({ grade: 'none', factors: [] });
  });

  it('an expired warning counts for nothing, though nobody lifted it', () => {
    const expiring = warningEvent('weather-warning', 'XMQX-RS-02', NOW - 2 * HOUR, { level: 'red', areas: ['湖里区'], expiresAt: NOW - MINUTE });
    const a = assessRisk(stateOf([expiring]), xiamen, NOW);
    expect(district(a, '湖里区').grade).toBe('none');
    expect(district(assessRisk(stateOf([expiring]), xiamen, NOW - 2 * MINUTE), '湖里区').grade).toBe('yellow');
    const epochMs = recordEvent('weather-warning', 'XMQX-RS-03', NOW - HOUR, { level: 'red', status: 'active', areas: ['湖里区'], expiresAt: NOW - MINUTE });
    expect(district(assessRisk(stateOf([epochMs]), xiamen, NOW), '湖里区').grade).toBe('none'); // an epoch-ms expiry is honoured too
  });

  it('the most severe of several warnings gives the points; the others are named', () => {
    const a = assessRisk(stateOf([issued, warningEvent('flash-flood-warning', 'XMSL-SH-01', NOW, { level: 'yellow', event: '山洪' })]), xiamen, NOW);
    const w = district(a, '湖里区').factors[0]!;
    expect(w).toMatchObject({ id: 'warning', value: 'red', contribution: 40 });
    expect(w.detail.zh).toContain('另有 1 项预警');
  });
});

describe('exposed population', () => {
  it('raises a crowded district above an empty one under the same hazard', () => {
    // The same whole-city red warning everywhere (40 points); 1.2 million people in 思明, nobody counted in 翔安.
    const crowd = xiamen.rainGauges.filter((g) => g.district === '思明区').map((g): [number, number, number] => [g.lon, g.lat, 200_000]);
    const a = assessRisk(stateOf([warningEvent('weather-warning', 'W', NOW, { level: 'red' }), populationEvent('XM-500M', NOW, crowd)]), xiamen, NOW);
    const siming = district(a, '思明区');
    const xiangan = district(a, '翔安区');
    expect(xiangan).toMatchObject({ grade: 'yellow', score: 40 });
    expect(siming).toMatchObject({ grade: 'orange', score: 52 });
    expect(siming.factors.map((f) => [f.id, f.contribution])).toEqual([
      ['warning', 40],
      ['exposure', 12],
    ]);
  });

  it('never colours an area with people and no hazard', () => {
    const a = assessRisk(stateOf([populationEvent('XM-500M', NOW, [[gauge('SM03').lon, gauge('SM03').lat, 900_000]])]), xiamen, NOW);
    expect(district(a, '思明区')).toMatchObject({ grade: 'none', factors: [] });
  });

  it('is the same with or without a cache, on the first call and the next', () => {
    const state = stateOf([warningEvent('weather-warning', 'W', NOW, { level: 'red' }), populationEvent('G', NOW, [[gauge('HL01').lon, gauge('HL01').lat, 500_000]])]);
    const cache = createRiskCache();
    const plain = assessRisk(state, xiamen, NOW);
    expect(assessRisk(state, xiamen, NOW, { cache })).toEqual(plain);
    expect(assessRisk(state, xiamen, NOW, { cache })).toEqual(plain);
  });
});

describe('subdistricts', () => {
  const lianqian = gauge('SM04'); // 莲前
  const state = stateOf([
    waterloggingEvent('WL-SM-007', NOW - 5 * MINUTE, { lon: lianqian.lon - 0.002, lat: lianqian.lat - 0.001, district: '思明区', depthCm: 45 }),
    waterloggingEvent('WL-SM-008', NOW - 5 * MINUTE, { lon: lianqian.lon + 0.003, lat: lianqian.lat, district: '思明区', depthCm: 20 }),
    waterloggingEvent('WL-SM-009', NOW - 5 * MINUTE, { lon: lianqian.lon, lat: lianqian.lat, district: '思明区', depthCm: 8 }),
  ]);
  const a = assessRisk(state, xiamen, NOW);

  it('exist for every seat, named after it and grouped by district', () => {
    expect(a.subdistricts.map((s) => `${s.area.district}/${s.area.subdistrict}`)).toEqual(xiamen.rainGauges.map((g) => `${g.district}/${g.name.zh}`));
  });

  it('take a point at the nearest seat: flooding by 莲前 is 莲前\'s, not 鼓浪屿\'s', () => {
    const expected = { id: 'waterlogging', value: 2, contribution: 11 }; // 8 (≥ 40 cm) + 3 (≥ 15 cm); 8 cm does not count
    expect(riskOf(a, '思明区', '莲前')!.factors).toMatchObject([expected]);
    expect(district(a, '思明区').factors).toMatchObject([expected]);
    expect(riskOf(a, '思明区', '鼓浪屿')!.factors).toEqual([]);
  });

  it('use their own gauge for rain, the district all of its gauges', () => {
    const b = assessRisk(stateOf(everyGauge(xiamen, NOW, (id) => (id === 'TA01' ? 50 : 0))), xiamen, NOW);
    expect(riskOf(b, '同安区', '大同')!.factors[0]).toMatchObject({ id: 'rainfall', value: 50, contribution: 50 }); // 25 max + 10 mean (its one gauge) + 15 (3 h 50 mm = orange)
    expect(riskOf(b, '同安区', '祥平')!.factors).toEqual([]);
  });

  it('share a warning of their district, and a tide known only by district', () => {
    const b = assessRisk(
      stateOf([
        warningEvent('storm-surge-warning', 'XMHY-SS-1', NOW, { level: 'orange', event: '风暴潮', areas: ['翔安区'] }),
        tideEvent('DADENG', NOW, { levelCm: 520, warningLevelCm: 490, district: '翔安区' }),
      ]),
      xiamen,
      NOW,
    );
    for (const s of b.subdistricts) {
      const expected = s.area.district === '翔安区' ? ['warning', 'tide'] : [];
      expect(factorIds(s)).toEqual(expected);
    }
    // 10 at the warning level + 0.3 × 30 cm
    expect(riskOf(b, '翔安区', '大嶝')!.factors[1]).toMatchObject({ id: 'tide', value: 30, contribution: 19 });
  });
});

describe('every grade adds up', () => {
  it('the factors of every result sum to its score, also when the total is capped at 100', () => {
    const [lon, lat] = centre('湖里区');
    const events = [
      ...xiamen.rainGauges.flatMap((g) => rainHours(g.id, NOW, [40, 70, 80])),
      warningEvent('weather-warning', 'TY', NOW, { level: 'red', event: '台风' }),
      warningEvent('geohazard-warning', 'GEO', NOW, { level: 'red', event: '地质灾害' }),
      typhoonEvent('2614', NOW, { lon, lat, radius7Km: 280, radius10Km: 120, radius12Km: 60 }),
      ...xiamen.rainGauges.map((g, i) => geohazardPointEvent(`GP${i}`, NOW, { lon: g.lon, lat: g.lat, district: g.district, riskLevel: 'very-high' })),
      ...xiamen.rainGauges.map((g, i) => waterloggingEvent(`WL${i}`, NOW, { lon: g.lon, lat: g.lat, district: g.district, depthCm: 10 + 3 * i })),
      tideEvent('XIAMEN', NOW, { levelCm: 560, warningLevelCm: 500 }),
      populationEvent('G', NOW, xiamen.rainGauges.map((g, i): [number, number, number] => [g.lon, g.lat, 20_000 * (i + 1)])),
    ];
    const a = assessRisk(stateOf(events), xiamen, NOW);
    for (const r of all(a)) {
      const sum = r.factors.reduce((s, f) => s + f.contribution, 0);
      expect(Math.abs(sum - r.score)).toBeLessThanOrEqual(0.05 * r.factors.length + 1e-9);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.factors.every((f) => f.contribution > 0)).toBe(true);
      const contributions = r.factors.map((f) => f.contribution);
      expect(contributions).toEqual([...contributions].sort((x, y) => y - x));
    }
    expect(district(a, '湖里区')).toMatchObject({ grade: 'red', score: 100 });
  });

  it('is deterministic: the same state and time give the same answer', () => {
    const state = stateOf([...everyGauge(xiamen, NOW, (_, d) => (d === '集美区' ? 33 : 5)), warningEvent('weather-warning', 'W', NOW, { level: 'yellow' })]);
    expect(assessRisk(state, xiamen, NOW)).toEqual(assessRisk(state, xiamen, NOW));
  });
});

describe('reading data defensively', () => {
  it('skips malformed records and unknown places without failing the assessment', () => {
    const state = stateOf([
      recordEvent('rain-gauge', 'NOT-A-GAUGE', NOW, { rainfall1hMm: 80 }),
      recordEvent('rain-gauge', 'SM01', NOW, { rainfall1hMm: 'a lot' }),
      recordEvent('weather-warning', 'W-BAD', NOW, { level: 'purple', status: 'active', areas: [] }),
      recordEvent('typhoon-track', 'TY-BAD', NOW, { name: 'x' }),
      recordEvent('geohazard-point', 'GP-NOWHERE', NOW, { riskLevel: 'high' }),
      recordEvent('waterlogging-point', 'WL-BAD', NOW, { depthCm: 60, lon: 200, lat: 200 }),
      recordEvent('tide-level', 'T-BAD', NOW, { levelCm: 600 }),
      recordEvent('population-heat', 'G-BAD', NOW, { cells: [[1, 2], 'x', [118.08, 24.45, -5]] }),
    ]);
    for (const r of all(assessRisk(state, xiamen, NOW))) expect(r.grade).toBe('none');
  });
});

describe('the severity curve behind rain points', () => {
  it('is 0 below blue, ¼ ½ ¾ 1 at the marks, linear between, flat above red', () => {
    const t = RAIN_1H_THRESHOLDS; // 8 / 16 / 30 / 50 mm
    expect([0, 7.9, 8, 16, 23, 30, 40, 50, 120].map((mm) => severity(mm, t))).toEqual([0, 0, 0.25, 0.5, 0.625, 0.75, 0.875, 1, 1]);
  });
});

describe('the worked example of README.md', () => {
  // 同安区, 08:00. A cloudburst over 大同: TA01 has had 10, 18 and now 52 mm in the last three hours.
  // The other 同安 gauges: 20, 12, 8, 4, 0 mm. A high-risk landslide point 700 m from TA01, a
  // medium one by TA05 (4 mm). No warning has been issued for 同安 yet. 900,000 people in the district.
  const at = (id: string) => ({ lon: gauge(id).lon, lat: gauge(id).lat });
  const events = [
    ...rainHours('TA01', NOW, [10, 18, 52]),
    ...[['TA02', 20], ['TA03', 12], ['TA04', 8], ['TA05', 4], ['TA06', 0]].map(([id, mm]) => recordEvent('rain-gauge', id as string, NOW, { rainfall1hMm: mm })),
    geohazardPointEvent('350212-LX-01', NOW - 24 * HOUR, { lon: at('TA01').lon + 0.005, lat: at('TA01').lat + 0.005, district: '同安区', riskLevel: 'high' }),
    geohazardPointEvent('350212-LH-07', NOW - 24 * HOUR, { lon: at('TA05').lon + 0.01, lat: at('TA05').lat - 0.005, district: '同安区', riskLevel: 'medium' }),
    populationEvent('XM-500M', NOW - 5 * MINUTE, [
      [at('TA01').lon, at('TA01').lat, 300_000],
      [at('TA02').lon, at('TA02').lat, 300_000],
      [at('TA06').lon, at('TA06').lat, 300_000],
    ]),
  ];
  const tongan = district(assessRisk(stateOf(events), xiamen, NOW), '同安区');

  it('reproduces the README numbers exactly', () => {
    expect(tongan.score).toBe(76.2);
    expect(tongan.grade).toBe('red');
    expect(tongan.factors.map((f) => [f.id, f.value, f.contribution])).toEqual([
      ['rainfall', 52, 48], // 25 × 1 (52 mm ≥ red) + 10 × 0.5 (mean 16 mm = yellow) + 20 × 0.9 (3 h 80 mm)
      ['exposure', 900_000, 16.2], // (48 + 12) × 0.3 × 900,000 / 1,000,000
      ['geohazard', 1, 12], // high (3) × rain trigger 2 × severity(52 mm) = 2 → 6 units × 2 points; the medium point by TA05 is dry
    ]);
  });

  it('would be orange without the people: exposure is what makes it red', () => {
    const a = assessRisk(stateOf(events.filter((e) => e.category !== 'population-heat')), xiamen, NOW);
    expect(district(a, '同安区')).toMatchObject({ grade: 'orange', score: 60 });
  });
});
