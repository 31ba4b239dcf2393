import { canonicalJson, type CategoryDefinition, type Region } from '@beacon/shared';
import type { Issue } from '../errors/input-error.ts';

/** How far ahead of the server's clock a record may be stamped: source clocks drift, but not by hours. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

type Rec = Record<string, unknown>;

/** Checks a schema cannot express, per category (e.g. "this station exists"). */
export type CategoryCheck = (record: Rec, path: string) => Issue | null;

export function categoryChecks(region: Region): Record<string, CategoryCheck> {
  const gauges = new Set(region.rainGauges.map((g) => g.id));
  return {
    'rain-gauge': (r, path) =>
      gauges.has(String(r.stationId))
        ? null
        : { path: `${path}/stationId`, expected: 'a registered rain-gauge id (GET /api/v1/rain-gauges)', got: r.stationId },
  };
}

/**
 * The checks after the schema: the category's own, no time in the future, and no batch saying two
 * different things about the same record (`keys`: each normal record's dedupeKey, made once by the caller).
 */
export function checkBatch(
  category: CategoryDefinition,
  records: readonly Rec[],
  normal: readonly NormalRecord[],
  keys: readonly string[],
  now: number,
  own: CategoryCheck | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const firstIndex = new Map<string, number>();
  records.forEach((r, i) => {
    const path = `/records/${i}`;
    const ownIssue = own?.(r, path);
    if (ownIssue) issues.push(ownIssue);
    const observedAt = String(r.observedAt);
    if (Date.parse(observedAt) > now + MAX_CLOCK_SKEW_MS) {
      issues.push({
        path: `${path}/observedAt`,
        expected: `a time no later than ${new Date(now + MAX_CLOCK_SKEW_MS).toISOString()} (server time + 5 min)`,
        got: observedAt,
      });
    }
    const key = keys[i]!;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, i);
    // Canonical JSON only for the rare repeated key: comparing every record would cost more than the insert.
    else if (canonicalJson(normal[first]!.payload) !== canonicalJson(normal[i]!.payload)) {
      issues.push({
        path,
        expected: `the same content as /records/${first} (same ${category.idField}, observedAt and version) or a higher version`,
        got: 'different content',
      });
    }
  });
  return issues;
}

export interface NormalRecord {
  entityId: string;
  observedAt: string;
  version: number;
  payload: Rec;
}

/** Already what `toISOString` writes (for the validated years 1970–9999): most senders' clocks (JS, Java) send this. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Canonical form: UTC ISO time, explicit version; everything else as sent. */
export function normaliseRecord(category: CategoryDefinition, r: Rec): NormalRecord {
  const sent = String(r.observedAt);
  // Parsing and printing a time costs more than the rest of the record: skip it when it would change nothing.
  const observedAt = CANONICAL_UTC.test(sent) ? sent : new Date(sent).toISOString();
  const version = typeof r.version === 'number' ? r.version : 1;
  return { entityId: String(r[category.idField]), observedAt, version, payload: { ...r, observedAt, version } };
}

/** Same key ⇒ same record: a retry is a duplicate, not a second record. */
export function dedupeKey(category: string, r: NormalRecord): string {
  return `${category}:${r.entityId}:${r.observedAt}:${r.version}`;
}
