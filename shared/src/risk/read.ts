// Defensive reads of record fields: other teams are adding these categories as the model is written,
// and one malformed record must cost its own contribution, never the whole assessment.

export function num(data: Record<string, unknown>, field: string): number | null {
  const v = data[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function str(data: Record<string, unknown>, field: string): string | null {
  const v = data[field];
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** A record's point, if it has a valid one. */
export function pointOf(data: Record<string, unknown>): { lon: number; lat: number } | null {
  const lon = num(data, 'lon');
  const lat = num(data, 'lat');
  return lon !== null && lat !== null ? { lon, lat } : null;
}

export type WarningLevel = 'blue' | 'yellow' | 'orange' | 'red';
const LEVELS: readonly WarningLevel[] = ['blue', 'yellow', 'orange', 'red'];

export function levelOf(data: Record<string, unknown>): WarningLevel | null {
  const v = data.level;
  return LEVELS.includes(v as WarningLevel) ? (v as WarningLevel) : null;
}

/** Blue < yellow < orange < red. */
export function levelRank(level: WarningLevel): number {
  return LEVELS.indexOf(level);
}

/** Fresh: observed no longer than `maxAgeMs` before `now`. A reading stamped a little in the future (a fast source clock) counts. */
export function isFresh(observedAt: number, now: number, maxAgeMs: number): boolean {
  return now - observedAt <= maxAgeMs;
}
