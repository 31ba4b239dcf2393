import type { RainReading, RainGauge } from '@beacon/shared';
import type { Issue } from '../errors/input-error.ts';
import type { LogRecord } from './store-records.ts';

/** How far ahead of the server's clock a reading may be stamped: gauges' clocks drift, but not by hours. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The checks a schema cannot express: the station must exist, the time must not be in the future,
 * and one batch must not say two different things about the same reading.
 */
export function checkRainReadings(
  readings: readonly RainReading[],
  gauges: ReadonlyMap<string, RainGauge>,
  now: number,
): Issue[] {
  const issues: Issue[] = [];
  const firstByKey = new Map<string, number>();
  readings.forEach((r, i) => {
    if (!gauges.has(r.stationId)) {
      issues.push({ path: `/records/${i}/stationId`, expected: 'a registered rain-gauge id (GET /api/v1/rain-gauges)', got: r.stationId });
    }
    const t = Date.parse(r.observedAt);
    if (t > now + MAX_CLOCK_SKEW_MS) {
      issues.push({
        path: `/records/${i}/observedAt`,
        expected: `a time no later than ${new Date(now + MAX_CLOCK_SKEW_MS).toISOString()} (server time + 5 min)`,
        got: r.observedAt,
      });
    }
    const key = readingKey(r);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, i);
    else if (readings[first]!.rainfall1hMm !== r.rainfall1hMm) {
      issues.push({
        path: `/records/${i}`,
        expected: `the same value as /records/${first} (same station, time and version) or a higher version`,
        got: `rainfall1hMm ${r.rainfall1hMm} vs ${readings[first]!.rainfall1hMm}`,
      });
    }
  });
  return issues;
}

function readingKey(r: RainReading): string {
  return `rain-gauge:${r.stationId}:${new Date(r.observedAt).toISOString()}:${r.version ?? 1}`;
}

/** Normalises a checked reading into a log record: canonical UTC time, explicit version. */
export function rainLogRecord(r: RainReading, sourceId: string): LogRecord {
  const observedAt = new Date(r.observedAt).toISOString();
  const version = r.version ?? 1;
  return {
    type: 'rain.observed',
    department: 'meteorology',
    category: 'rain-gauge',
    entityId: r.stationId,
    observedAt,
    version,
    dedupeKey: readingKey(r),
    sourceId,
    payload: { stationId: r.stationId, observedAt, rainfall1hMm: r.rainfall1hMm, version },
  };
}
