import { distanceKm } from '../../geo/distance.ts';
import type { GradedArea } from '../areas.ts';
import { type RawFactor, type RiskContext, records } from '../context.ts';
import { isFresh, num, pointOf, str } from '../read.ts';
import { round1 } from '../severity.ts';
import { DEFAULT_TYPHOON_RADII_KM, TYPHOON_FORCE_WIND_MS, TYPHOON_ZONE_POINTS } from '../weights.ts';

type Zone = keyof typeof TYPHOON_ZONE_POINTS;
const ZONES: readonly Zone[] = ['force12', 'force10', 'force7'];
const ZONE_NAME: Record<Zone, { zh: string; en: string }> = {
  force12: { zh: '十二级风圈', en: 'force-12 circle' },
  force10: { zh: '十级风圈', en: 'force-10 circle' },
  force7: { zh: '七级风圈', en: 'force-7 circle' },
};
const RADIUS_FIELD: Record<Zone, string> = { force12: 'radius12Km', force10: 'radius10Km', force7: 'radius7Km' };

export interface TyphoonPosition {
  typhoonId: string;
  name: string;
  lon: number;
  lat: number;
  /** Radius of each wind circle, km; null when the storm has no such winds. */
  radiiKm: Record<Zone, number | null>;
  /** True when the record carried no radii and the defaults were used. */
  defaultRadii: boolean;
}

/**
 * The current position of every typhoon (the newest record of each typhoonId). Radii: as sent; when a
 * record sends none at all, the defaults, for the circles its max wind reaches (or all, if it sends no wind).
 */
export function readTyphoons(ctx: RiskContext): TyphoonPosition[] {
  const out: TyphoonPosition[] = [];
  for (const r of records(ctx.state, 'typhoon-track')) {
    const p = pointOf(r.data);
    if (!p || !isFresh(r.observedAt, ctx.now, ctx.maxTyphoonAgeMs)) continue;
    const sent = Object.fromEntries(ZONES.map((z) => [z, num(r.data, RADIUS_FIELD[z])])) as Record<Zone, number | null>;
    const defaultRadii = ZONES.every((z) => sent[z] === null);
    const wind = num(r.data, 'maxWindMs');
    const radiiKm = defaultRadii
      ? (Object.fromEntries(ZONES.map((z) => [z, wind === null || wind >= TYPHOON_FORCE_WIND_MS[z] ? DEFAULT_TYPHOON_RADII_KM[z] : null])) as Record<Zone, number | null>)
      : sent;
    out.push({ typhoonId: r.entityId, name: str(r.data, 'name') ?? r.entityId, ...p, radiiKm, defaultRadii });
  }
  return out;
}

/** The innermost circle the area's centre (district centre or subdistrict seat) lies in, of the typhoon that reaches it hardest. */
export function typhoonFactor(area: GradedArea, typhoons: readonly TyphoonPosition[]): RawFactor | null {
  let best: { t: TyphoonPosition; zone: Zone; km: number } | null = null;
  for (const t of typhoons) {
    const km = distanceKm(area.lon, area.lat, t.lon, t.lat);
    const zone = ZONES.find((z) => t.radiiKm[z] !== null && km <= t.radiiKm[z]!);
    if (!zone) continue;
    const better = !best || TYPHOON_ZONE_POINTS[zone] > TYPHOON_ZONE_POINTS[best.zone] || (TYPHOON_ZONE_POINTS[zone] === TYPHOON_ZONE_POINTS[best.zone] && km < best.km);
    if (better) best = { t, zone, km };
  }
  if (!best) return null;
  const { t, zone } = best;
  const km = round1(best.km);
  const radius = t.radiiKm[zone]!;
  return {
    id: 'typhoon',
    label: { zh: '台风', en: 'Typhoon' },
    value: km,
    unit: 'km',
    points: TYPHOON_ZONE_POINTS[zone],
    detail: {
      zh: `台风${t.name}(${t.typhoonId})中心距 ${km} km,位于${ZONE_NAME[zone].zh}内(半径 ${radius} km${t.defaultRadii ? ',缺省值' : ''})`,
      en: `Typhoon ${t.name} (${t.typhoonId}) centre ${km} km away, inside its ${ZONE_NAME[zone].en} (radius ${radius} km${t.defaultRadii ? ', default' : ''})`,
    },
  };
}
