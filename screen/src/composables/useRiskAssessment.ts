import { onScopeDispose, shallowRef, type Ref } from 'vue';
import { assessRisk, createRiskCache, type LiveState, type Region, type RiskAssessment } from '@beacon/shared';

/** How often the risk model runs on the screen: it reads every record, so not on every 10 Hz delta. */
export const RISK_INTERVAL_MS = 1000;

/**
 * The multi-hazard risk of the region, recomputed at most once a second (and only when the state
 * changed or 10 s passed, since readings age out of the model with time). One cache per screen keeps
 * the population grid placed once per grid.
 */
export function useRiskAssessment(state: Ref<LiveState>, now: Ref<number>, region: Region): Ref<RiskAssessment | null> {
  const cache = createRiskCache();
  const risk = shallowRef<RiskAssessment | null>(null);
  let lastState: LiveState | null = null;
  let lastAt = 0;
  const run = () => {
    const at = now.value;
    if (state.value === lastState && at - lastAt < 10_000) return;
    lastState = state.value;
    lastAt = at;
    risk.value = assessRisk(state.value, region, at, { cache });
  };
  run();
  const timer = setInterval(run, RISK_INTERVAL_MS);
  onScopeDispose(() => clearInterval(timer));
  return risk;
}
