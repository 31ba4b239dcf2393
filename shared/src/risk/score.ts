import { gradeOf } from '../categories/grades.ts';
import type { RawFactor } from './context.ts';
import { round1 } from './severity.ts';
import type { AreaRisk, RiskArea, RiskFactor, RiskFactorId } from './types.ts';
import { MAX_SCORE, RISK_GRADE_THRESHOLDS } from './weights.ts';

// Ties in the factor list go in this order, so the list never shuffles between ticks.
const ORDER: readonly RiskFactorId[] = ['typhoon', 'warning', 'rainfall', 'geohazard', 'tide', 'waterlogging', 'exposure'];

/**
 * Adds the factors' points into the score. Past 100 every factor is scaled by the same share, so the
 * factors still add up to the score and keep their proportions (which hazard weighs most). Each
 * contribution and the score are rounded to one decimal; a factor that rounds to nothing is left out.
 */
export function scoreArea(area: RiskArea, raw: readonly RawFactor[]): AreaRisk {
  const total = raw.reduce((s, f) => s + f.points, 0);
  const scale = total > MAX_SCORE ? MAX_SCORE / total : 1;
  const factors: RiskFactor[] = [];
  for (const { points, ...f } of raw) {
    const contribution = round1(points * scale);
    if (contribution > 0) factors.push({ ...f, contribution });
  }
  factors.sort((a, b) => b.contribution - a.contribution || ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  const score = round1(Math.min(MAX_SCORE, total));
  return { area, grade: gradeOf(score, RISK_GRADE_THRESHOLDS), score, factors };
}
