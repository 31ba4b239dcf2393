import { distanceKm } from '../../geo/distance.ts';
import { type AreaBuckets, type RawFactor, type RiskContext, place, placeOfRecord, records } from '../context.ts';
import { type WarningLevel, levelRank, pointOf, str } from '../read.ts';
import { round1, severity } from '../severity.ts';
import {
  GEOHAZARD_MAX_POINTS,
  GEOHAZARD_POINTS_PER_UNIT,
  GEOHAZARD_RAIN_RADIUS_KM,
  GEOHAZARD_RISK_WEIGHT,
  GEOHAZARD_WARNING_TRIGGER,
  RAIN_1H_THRESHOLDS,
} from '../weights.ts';
import type { RainReading } from './rainfall.ts';
import type { ActiveWarning } from './warning.ts';

/** A hazard point that counts now: its register weight, and what triggers it (rain near it, or a geo-hazard warning). */
export interface TriggeredHazardPoint {
  pointId: string;
  weight: number;
  trigger: number;
  /** The 1 h rain that triggers it, if rain does. */
  rainMm: number | null;
  /** The geo-hazard warning level covering it, if any. */
  warningLevel: WarningLevel | null;
}

/** Rain that can trigger a slope: 2 × severity, so 1 at the yellow mark, 2 at red; nothing below yellow. */
function rainTrigger(mm: number | null): number {
  return mm !== null && mm >= RAIN_1H_THRESHOLDS.yellow ? 2 * severity(mm, RAIN_1H_THRESHOLDS) : 0;
}

/** 1 h rain at the nearest reporting gauge within the radius; without a point, the wettest gauge of the district. */
function rainNear(point: { lon: number; lat: number } | null, district: string, rain: readonly RainReading[]): number | null {
  let best: { mm: number; km: number } | null = null;
  for (const r of rain) {
    if (point) {
      const km = distanceKm(point.lon, point.lat, r.lon, r.lat);
      if (km <= GEOHAZARD_RAIN_RADIUS_KM && (!best || km < best.km)) best = { mm: r.mm1h, km };
    } else if (r.district === district && (!best || r.mm1h > best.mm)) {
      best = { mm: r.mm1h, km: 0 };
    }
  }
  return best?.mm ?? null;
}

function warningOver(district: string, warnings: readonly ActiveWarning[]): WarningLevel | null {
  let level: WarningLevel | null = null;
  for (const w of warnings) {
    if (w.category !== 'geohazard-warning') continue;
    if (w.coverage.districts !== 'all' && !w.coverage.districts.includes(district)) continue;
    if (!level || levelRank(w.level) > levelRank(level)) level = w.level;
  }
  return level;
}

/**
 * Hazard points that count now, by area. A slope is dangerous when it is wet: a point counts only when
 * the rain near it reaches the yellow 1 h mark or a geo-hazard warning covers its district.
 */
export function geohazardsByArea(ctx: RiskContext, rain: readonly RainReading[], warnings: readonly ActiveWarning[]): AreaBuckets<TriggeredHazardPoint> {
  const buckets: AreaBuckets<TriggeredHazardPoint> = new Map();
  for (const r of records(ctx.state, 'geohazard-point')) {
    const where = placeOfRecord(ctx.areas, r.data);
    if (!where) continue;
    const rainMm = rainNear(pointOf(r.data), where.district, rain);
    const warningLevel = warningOver(where.district, warnings);
    const trigger = Math.max(rainTrigger(rainMm), warningLevel ? GEOHAZARD_WARNING_TRIGGER[warningLevel] : 0);
    if (trigger <= 0) continue;
    const grade = str(r.data, 'riskLevel');
    const weight = grade && grade in GEOHAZARD_RISK_WEIGHT ? GEOHAZARD_RISK_WEIGHT[grade as keyof typeof GEOHAZARD_RISK_WEIGHT] : GEOHAZARD_RISK_WEIGHT.medium;
    const point: TriggeredHazardPoint = { pointId: r.entityId, weight, trigger, rainMm: rainTrigger(rainMm) > 0 ? rainMm : null, warningLevel };
    place(ctx.areas, buckets, point, { districts: [where.district], subdistrict: where.subdistrict });
  }
  return buckets;
}

/** Σ weight × trigger × points per unit, capped. */
export function geohazardFactor(points: readonly TriggeredHazardPoint[] | undefined): RawFactor | null {
  if (!points?.length) return null;
  const units = points.reduce((s, p) => s + p.weight * p.trigger, 0);
  const points_ = Math.min(GEOHAZARD_MAX_POINTS, GEOHAZARD_POINTS_PER_UNIT * units);
  const byRain = points.filter((p) => p.rainMm !== null).length;
  const wettest = Math.max(0, ...points.map((p) => p.rainMm ?? 0));
  const warned = points.some((p) => p.warningLevel !== null);
  return {
    id: 'geohazard',
    label: { zh: '地质灾害隐患点', en: 'Geo-hazard points under rain' },
    value: points.length,
    unit: 'points',
    points: points_,
    detail: {
      zh: `${points.length} 处隐患点受威胁:${byRain} 处附近1小时雨量达黄色以上(最大 ${round1(wettest)} mm)${warned ? ',地质灾害预警生效' : ''}`,
      en: `${points.length} hazard points at risk: ${byRain} with 1 h rain at or above yellow nearby (max ${round1(wettest)} mm)${warned ? ', geo-hazard warning in force' : ''}`,
    },
  };
}
