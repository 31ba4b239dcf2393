import { describe, expect, it } from 'vitest';
import { defaultRetention, retentionFromEnv } from './retention-policy.ts';

describe('retention from the environment', () => {
  it('keeps the log and the audit forever, and thins snapshots after 30 and 365 days, when nothing is set', () => {
    expect(retentionFromEnv({})).toEqual(defaultRetention);
    expect(defaultRetention).toEqual({ snapshotsAllDays: 30, snapshotsHourlyDays: 365, logDays: null, auditDays: null });
  });

  it('reads each period in days, and "forever" for the log and the audit', () => {
    expect(retentionFromEnv({
      BEACON_SNAPSHOTS_KEEP_ALL_DAYS: '7', BEACON_SNAPSHOTS_KEEP_HOURLY_DAYS: '90', BEACON_LOG_RETENTION_DAYS: '1825', BEACON_AUDIT_RETENTION_DAYS: 'forever',
    })).toEqual({ snapshotsAllDays: 7, snapshotsHourlyDays: 90, logDays: 1825, auditDays: null });
  });

  it('refuses a value that is not a positive number of days, naming the variable', () => {
    expect(() => retentionFromEnv({ BEACON_LOG_RETENTION_DAYS: '5y' })).toThrow('BEACON_LOG_RETENTION_DAYS expects a positive number of days, got "5y"');
    expect(() => retentionFromEnv({ BEACON_AUDIT_RETENTION_DAYS: '0' })).toThrow('BEACON_AUDIT_RETENTION_DAYS');
    expect(() => retentionFromEnv({ BEACON_SNAPSHOTS_KEEP_ALL_DAYS: '-1' })).toThrow('BEACON_SNAPSHOTS_KEEP_ALL_DAYS');
    expect(() => retentionFromEnv({ BEACON_SNAPSHOTS_KEEP_ALL_DAYS: '40', BEACON_SNAPSHOTS_KEEP_HOURLY_DAYS: '30' })).toThrow('must be at least');
  });
});
