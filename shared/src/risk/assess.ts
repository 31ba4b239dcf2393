import type { Region } from '../region/types.ts';
import type { LiveState } from '../state/live-state.ts';
import type { GradedArea } from './areas.ts';
import { regionMemo } from './cache.ts';
import type { RawFactor, RiskContext } from './context.ts';
import { exposureFactor, peopleByArea } from './factors/exposure.ts';
import { geohazardFactor, geohazardsByArea } from './factors/geohazard.ts';
import { rainByArea, rainfallFactor, readRain } from './factors/rainfall.ts';
import { tideFactor, tidesByArea } from './factors/tide.ts';
import { readTyphoons, typhoonFactor } from './factors/typhoon.ts';
import { readWarnings, warningFactor, warningsByArea } from './factors/warning.ts';
import { waterloggingByArea, waterloggingFactor } from './factors/waterlogging.ts';
import { scoreArea } from './score.ts';
import type { AreaRisk, RiskAssessment, RiskOptions } from './types.ts';
import { OBSERVATION_MAX_AGE_MS, POPULATION_MAX_AGE_MS, TYPHOON_MAX_AGE_MS } from './weights.ts';

/**
 * The multi-hazard risk model (多灾种综合风险评估模型): a grade, a 0–100 score and the factors behind
 * it for every district and subdistrict. Pure: everything it reads is in `state`, `region` and
 * `now`; the same inputs give the same answer, with or without `options.cache`.
 *
 * Each category is read once and its records dropped into the areas they bear on; then each area is
 * scored from its own buckets. Cost: one pass over the records plus 37 small scorings.
 */
export function assessRisk(state: LiveState, region: Region, now: number, options: RiskOptions = {}): RiskAssessment {
  const memo = regionMemo(region, options.cache);
  const ctx: RiskContext = {
    state,
    region,
    areas: memo.areas,
    now,
    maxObservationAgeMs: options.maxObservationAgeMs ?? OBSERVATION_MAX_AGE_MS,
    maxTyphoonAgeMs: options.maxTyphoonAgeMs ?? TYPHOON_MAX_AGE_MS,
    maxPopulationAgeMs: options.maxPopulationAgeMs ?? POPULATION_MAX_AGE_MS,
  };

  const rainReadings = readRain(ctx);
  const warnings = readWarnings(ctx);
  const typhoons = readTyphoons(ctx);
  const rain = rainByArea(ctx.areas, rainReadings);
  const warned = warningsByArea(ctx.areas, warnings);
  const slopes = geohazardsByArea(ctx, rainReadings, warnings);
  const flooded = waterloggingByArea(ctx);
  const tides = tidesByArea(ctx);
  const people = peopleByArea(ctx, memo);

  const assess = (a: GradedArea): AreaRisk => {
    const hazards = [
      rainfallFactor(rain.get(a.key)),
      warningFactor(warned.get(a.key)),
      typhoonFactor(a, typhoons),
      geohazardFactor(slopes.get(a.key)),
      waterloggingFactor(flooded.get(a.key)),
      tideFactor(tides.get(a.key)),
    ].filter((f): f is RawFactor => f !== null && f.points > 0);
    const hazardPoints = hazards.reduce((s, f) => s + f.points, 0);
    const exposure = exposureFactor(a, people.get(a.key), hazardPoints);
    return scoreArea(a.area, exposure ? [...hazards, exposure] : hazards);
  };

  return { at: now, districts: ctx.areas.districts.map(assess), subdistricts: ctx.areas.subdistricts.map(assess) };
}

/** The result for one area of an assessment, if the region has it. */
export function riskOf(assessment: RiskAssessment, district: string, subdistrict?: string): AreaRisk | undefined {
  const list = subdistrict ? assessment.subdistricts : assessment.districts;
  return list.find((r) => r.area.district === district && r.area.subdistrict === subdistrict);
}
