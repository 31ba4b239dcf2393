import { type AreaBuckets, type RawFactor, type RiskContext, place, placeOfRecord, records } from '../context.ts';
import { isFresh, num } from '../read.ts';
import { round1 } from '../severity.ts';
import { WATERLOGGING_COUNT_CM, WATERLOGGING_HEAVY_CM, WATERLOGGING_HEAVY_POINTS, WATERLOGGING_MAX_POINTS, WATERLOGGING_POINTS } from '../weights.ts';

export interface WaterloggedPoint {
  pointId: string;
  depthCm: number;
}

/** Fresh readings of waterlogging points at or above the counting depth, by area. */
export function waterloggingByArea(ctx: RiskContext): AreaBuckets<WaterloggedPoint> {
  const buckets: AreaBuckets<WaterloggedPoint> = new Map();
  for (const r of records(ctx.state, 'waterlogging-point')) {
    const depthCm = num(r.data, 'depthCm');
    if (depthCm === null || depthCm < WATERLOGGING_COUNT_CM || !isFresh(r.observedAt, ctx.now, ctx.maxObservationAgeMs)) continue;
    const where = placeOfRecord(ctx.areas, r.data);
    if (where) place(ctx.areas, buckets, { pointId: r.entityId, depthCm }, { districts: [where.district], subdistrict: where.subdistrict });
  }
  return buckets;
}

/** Points per waterlogged point, more for a deep one, capped. */
export function waterloggingFactor(points: readonly WaterloggedPoint[] | undefined): RawFactor | null {
  if (!points?.length) return null;
  const heavy = points.filter((p) => p.depthCm >= WATERLOGGING_HEAVY_CM).length;
  const light = points.length - heavy;
  const deepest = round1(Math.max(...points.map((p) => p.depthCm)));
  return {
    id: 'waterlogging',
    label: { zh: '内涝积水', en: 'Waterlogging' },
    value: points.length,
    unit: 'points',
    points: Math.min(WATERLOGGING_MAX_POINTS, light * WATERLOGGING_POINTS + heavy * WATERLOGGING_HEAVY_POINTS),
    detail: {
      zh: `${points.length} 处积水 ≥${WATERLOGGING_COUNT_CM} cm,其中 ${heavy} 处 ≥${WATERLOGGING_HEAVY_CM} cm,最深 ${deepest} cm`,
      en: `${points.length} points flooded ≥${WATERLOGGING_COUNT_CM} cm, ${heavy} of them ≥${WATERLOGGING_HEAVY_CM} cm, deepest ${deepest} cm`,
    },
  };
}
