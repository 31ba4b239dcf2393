import type { Grade } from '../categories/grades.ts';
import type { LocalName } from '../region/types.ts';
import type { RiskCache } from './cache.ts';

/** A district, or a subdistrict (town) of it named after its seat. */
export interface RiskArea {
  district: string;
  subdistrict?: string;
}

export type RiskFactorId = 'rainfall' | 'warning' | 'typhoon' | 'geohazard' | 'waterlogging' | 'tide' | 'exposure';

/** One reason an area has its score: what was seen, and how many points of the score it gave. */
export interface RiskFactor {
  id: RiskFactorId;
  label: LocalName;
  /** The headline figure of the factor (mm, km, count, cm, people, or a warning colour). */
  value: number | string;
  unit?: string;
  /** Points of the score (0–100); the factors of an area add up to its score. */
  contribution: number;
  /** One sentence the duty officer can read out. */
  detail: LocalName;
}

export interface AreaRisk {
  area: RiskArea;
  grade: Grade;
  /** 0–100, one decimal. */
  score: number;
  /** Most points first; factors that gave nothing are left out. */
  factors: RiskFactor[];
}

export interface RiskAssessment {
  /** The `now` it was computed for. */
  at: number;
  /** One per district, in the region's order. */
  districts: AreaRisk[];
  /** One per subdistrict seat, grouped by district in the region's gauge order. */
  subdistricts: AreaRisk[];
}

export interface RiskOptions {
  /** Readings older than this are not counted (default OBSERVATION_MAX_AGE_MS). */
  maxObservationAgeMs?: number;
  /** Typhoon positions older than this are not counted (default TYPHOON_MAX_AGE_MS). */
  maxTyphoonAgeMs?: number;
  /** Population grids older than this are not counted (default POPULATION_MAX_AGE_MS). */
  maxPopulationAgeMs?: number;
  /** Memo of work that depends only on the region and an unchanged record (see cache.ts). */
  cache?: RiskCache;
}
