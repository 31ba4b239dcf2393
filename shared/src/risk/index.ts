export { assessRisk, riskOf } from './assess.ts';
export { createRiskCache, type RiskCache } from './cache.ts';
export { severity } from './severity.ts';
export type { AreaRisk, RiskArea, RiskAssessment, RiskFactor, RiskFactorId, RiskOptions } from './types.ts';
export * as riskWeights from './weights.ts';
