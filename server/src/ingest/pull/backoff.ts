export interface BackoffPolicy {
  /** Delay after the first failure (before jitter). */
  baseMs: number;
  /** The longest delay. */
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random. The fixed half keeps
 * each delay at least the previous step's ceiling, so waits really grow; the random half keeps many
 * connectors that failed together (one department's gateway down) from retrying in lockstep.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
