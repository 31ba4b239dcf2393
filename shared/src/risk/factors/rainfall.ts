import { rainGaugeCategory } from '../../categories/catalog/meteorology.ts';
import { accumulation } from '../../state/derived.ts';
import { trendOf } from '../../state/live-state.ts';
import type { RegionAreas } from '../areas.ts';
import { type AreaBuckets, type RawFactor, type RiskContext, place, records } from '../context.ts';
import { isFresh, num } from '../read.ts';
import { round1, severity } from '../severity.ts';
import { RAIN_1H_THRESHOLDS, RAIN_3H_THRESHOLDS, RAIN_3H_POINTS, RAIN_MAX_1H_POINTS, RAIN_MEAN_1H_POINTS } from '../weights.ts';

/** A gauge's fresh reading: its last 1 h total and its 3 h accumulation. */
export interface RainReading {
  stationId: string;
  name: string;
  district: string;
  lon: number;
  lat: number;
  mm1h: number;
  /** Sum of the 1 h totals at now, −1 h, −2 h (derived.ts `accumulation`); an hour without a reading adds nothing. */
  mm3h: number;
}

/**
 * Fresh readings of the region's gauges. A station the region does not know has no place and is
 * left out (the region file is the register of gauges), as is a reading older than the age limit.
 */
export function readRain(ctx: RiskContext): RainReading[] {
  const gauges = new Map(ctx.region.rainGauges.map((g) => [g.id, g]));
  const out: RainReading[] = [];
  for (const r of records(ctx.state, rainGaugeCategory.id)) {
    const g = gauges.get(r.entityId);
    const mm1h = num(r.data, rainGaugeCategory.valueField);
    if (!g || mm1h === null || mm1h < 0 || !isFresh(r.observedAt, ctx.now, ctx.maxObservationAgeMs)) continue;
    const trend = trendOf(ctx.state, rainGaugeCategory.id, r.entityId);
    const acc = accumulation(trend, 3)?.mm ?? 0;
    out.push({ stationId: g.id, name: g.name.zh, district: g.district, lon: g.lon, lat: g.lat, mm1h, mm3h: Math.max(acc, mm1h) });
  }
  return out;
}

export function rainByArea(areas: RegionAreas, readings: readonly RainReading[]): AreaBuckets<RainReading> {
  const buckets: AreaBuckets<RainReading> = new Map();
  for (const r of readings) place(areas, buckets, r, { districts: [r.district], subdistrict: areas.subdistrictOf(r.district, r.lon, r.lat) });
  return buckets;
}

/**
 * Rainfall points: the wettest gauge's 1 h total, the mean 1 h total of the area's reporting gauges,
 * and the wettest 3 h accumulation, each by its severity on the colour marks.
 */
export function rainfallFactor(readings: readonly RainReading[] | undefined): RawFactor | null {
  if (!readings?.length) return null;
  let wettest = readings[0]!;
  let wettest3h = readings[0]!;
  let sum = 0;
  for (const r of readings) {
    if (r.mm1h > wettest.mm1h || (r.mm1h === wettest.mm1h && r.stationId < wettest.stationId)) wettest = r;
    if (r.mm3h > wettest3h.mm3h || (r.mm3h === wettest3h.mm3h && r.stationId < wettest3h.stationId)) wettest3h = r;
    sum += r.mm1h;
  }
  const mean = sum / readings.length;
  const points =
    RAIN_MAX_1H_POINTS * severity(wettest.mm1h, RAIN_1H_THRESHOLDS) +
    RAIN_MEAN_1H_POINTS * severity(mean, RAIN_1H_THRESHOLDS) +
    RAIN_3H_POINTS * severity(wettest3h.mm3h, RAIN_3H_THRESHOLDS);
  if (points <= 0) return null;
  const [max, avg, acc] = [round1(wettest.mm1h), round1(mean), round1(wettest3h.mm3h)];
  return {
    id: 'rainfall',
    label: { zh: '降雨', en: 'Rainfall' },
    value: max,
    unit: 'mm',
    points,
    detail: {
      zh: `最大1小时雨量 ${max} mm(${wettest.name}),${readings.length} 站平均 ${avg} mm,最大3小时累计 ${acc} mm(${wettest3h.name})`,
      en: `Wettest 1 h ${max} mm (${wettest.stationId}), mean of ${readings.length} gauges ${avg} mm, wettest 3 h ${acc} mm (${wettest3h.stationId})`,
    },
  };
}
