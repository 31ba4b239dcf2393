import { type AreaBuckets, type RawFactor, type RiskContext, place, placeOfRecord, records } from '../context.ts';
import { isFresh, num, str } from '../read.ts';
import { round1 } from '../severity.ts';
import { TIDE_AT_WARNING_POINTS, TIDE_MAX_POINTS, TIDE_POINTS_PER_CM } from '../weights.ts';

export interface HighTide {
  stationId: string;
  name: string;
  levelCm: number;
  warningLevelCm: number;
}

/**
 * Fresh tide readings at or above their station's warning level, by area: the station's district
 * (its own `district`, else where its point lies). A station with no place at all is the city's
 * tide: it bears on every area, as views/locate.ts treats any record without a place.
 */
export function tidesByArea(ctx: RiskContext): AreaBuckets<HighTide> {
  const buckets: AreaBuckets<HighTide> = new Map();
  for (const r of records(ctx.state, 'tide-level')) {
    const levelCm = num(r.data, 'levelCm');
    const warningLevelCm = num(r.data, 'warningLevelCm');
    if (levelCm === null || warningLevelCm === null || levelCm < warningLevelCm || !isFresh(r.observedAt, ctx.now, ctx.maxObservationAgeMs)) continue;
    const tide: HighTide = { stationId: r.entityId, name: str(r.data, 'name') ?? r.entityId, levelCm, warningLevelCm };
    const where = placeOfRecord(ctx.areas, r.data);
    place(ctx.areas, buckets, tide, where ? { districts: [where.district], subdistrict: where.subdistrict } : { districts: 'all', subdistrict: null });
  }
  return buckets;
}

/** The highest station over its warning level: one sea floods one shore, so stations do not add up. */
export function tideFactor(tides: readonly HighTide[] | undefined): RawFactor | null {
  if (!tides?.length) return null;
  const excess = (t: HighTide) => t.levelCm - t.warningLevelCm;
  const top = tides.reduce((a, b) => (excess(b) > excess(a) || (excess(b) === excess(a) && b.stationId < a.stationId) ? b : a));
  const over = round1(excess(top));
  return {
    id: 'tide',
    label: { zh: '潮位超警', en: 'Tide above warning level' },
    value: over,
    unit: 'cm',
    points: Math.min(TIDE_MAX_POINTS, TIDE_AT_WARNING_POINTS + TIDE_POINTS_PER_CM * excess(top)),
    detail: {
      zh: `${top.name}潮位 ${round1(top.levelCm)} cm,超警戒潮位 ${over} cm`,
      en: `${top.stationId} tide ${round1(top.levelCm)} cm, ${over} cm above its warning level`,
    },
  };
}
