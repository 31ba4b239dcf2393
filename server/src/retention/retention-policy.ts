/**
 * How long Beacon keeps what it stores. The log is the record of the typhoon: it is kept forever
 * unless an operator sets a period. Snapshots are only a shortcut to a log position (restart,
 * replay seek), so they are thinned with age instead: every one of the recent past, then the
 * newest of each hour, then the newest of each day.
 */
export interface RetentionPolicy {
  /** Every snapshot taken in the last this many days is kept. */
  snapshotsAllDays: number;
  /** Older ones, up to this age in days, are thinned to the newest of each hour; older still, of each day. */
  snapshotsHourlyDays: number;
  /** Events and snapshots older than this many days are deleted (null: forever). */
  logDays: number | null;
  /** Audit entries older than this many days are deleted (null: forever). */
  auditDays: number | null;
}

export const defaultRetention: RetentionPolicy = { snapshotsAllDays: 30, snapshotsHourlyDays: 365, logDays: null, auditDays: null };

/** The environment variables that set the policy, each a number of days. */
export const retentionVariables = {
  snapshotsAllDays: 'BEACON_SNAPSHOTS_KEEP_ALL_DAYS',
  snapshotsHourlyDays: 'BEACON_SNAPSHOTS_KEEP_HOURLY_DAYS',
  logDays: 'BEACON_LOG_RETENTION_DAYS',
  auditDays: 'BEACON_AUDIT_RETENTION_DAYS',
} as const;

/**
 * The policy from the environment; an unset variable keeps the default. A value that is not a
 * positive number of days (or "forever" for the log and audit) is refused with the variable's name,
 * at start: a typo must not silently keep or delete anything.
 */
export function retentionFromEnv(env: NodeJS.ProcessEnv): RetentionPolicy {
  const days = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} expects a positive number of days, got "${raw}"`);
    return n;
  };
  const daysOrForever = (name: string): number | null => {
    const raw = env[name];
    if (raw === undefined || raw === '' || raw === 'forever') return null;
    return days(name, 0);
  };
  const policy: RetentionPolicy = {
    snapshotsAllDays: days(retentionVariables.snapshotsAllDays, defaultRetention.snapshotsAllDays),
    snapshotsHourlyDays: days(retentionVariables.snapshotsHourlyDays, defaultRetention.snapshotsHourlyDays),
    logDays: daysOrForever(retentionVariables.logDays),
    auditDays: daysOrForever(retentionVariables.auditDays),
  };
  if (policy.snapshotsHourlyDays < policy.snapshotsAllDays) {
    throw new Error(`${retentionVariables.snapshotsHourlyDays} (${policy.snapshotsHourlyDays}) must be at least ${retentionVariables.snapshotsAllDays} (${policy.snapshotsAllDays})`);
  }
  return policy;
}

export const DAY_MS = 86_400_000;
