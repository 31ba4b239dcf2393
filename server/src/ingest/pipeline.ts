import { categories, type BeaconEvent, type ErrorCode, type CategoryDefinition, type DepartmentId, type Region } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import type { DepartmentCredential } from '../credentials/department-keys.ts';
import { InputError } from '../errors/input-error.ts';
import { logRejection } from './log-rejection.ts';
import { categoryChecks, checkBatch, dedupeKey, normaliseRecord, type CategoryCheck } from './category-checks.ts';
import type { IngestAck } from '@beacon/shared/schemas.ts';
import { storeRecords, type LogRecord } from './store-records.ts';
import { validateBatch } from './validation.ts';

export interface PipelineOptions {
  sql: Sql;
  now: () => number;
  region: Region;
  /** Called after commit with the appended events, in log order. */
  onAppended: (events: BeaconEvent[]) => void;
  /** Called just before commit with the events about to be appended (store-records.ts `beforeCommit`). */
  onAppending?: (events: readonly BeaconEvent[]) => void;
  /** Sequence numbers drawn, and their transaction's end (store-records.ts `onDrawn` / `onEnded`). */
  onDrawn?: (seqs: readonly number[]) => void;
  onEnded?: (seqs: readonly number[], committed: boolean) => void;
  /** A one-statement append is sent; what it returns is called once its answer is handled (store-records.ts `onStatementSent`). */
  onStatementSent?: () => () => void;
  /** The measured alternative to xid-settled gaps (store-records.ts `StoreOptions`); off. */
  appendLock?: boolean;
  /** Told the outcome of every batch, whatever its transport (the metrics count them). */
  observer?: IngestObserver;
}

/** Every batch ends here once: stored (some records perhaps duplicates), or not stored with the code its sender got. */
export interface IngestObserver {
  /** `category` is the category's id, or UNKNOWN_CATEGORY: a name a sender made up is never passed on. */
  stored(department: DepartmentId, category: string, ack: IngestAck): void;
  refused(department: DepartmentId, category: string, code: ErrorCode): void;
}

/** What an observer is told instead of a category name that does not exist (a sender can make up any). */
export const UNKNOWN_CATEGORY = 'unknown';

export interface IngestPipeline {
  /**
   * The one way data gets in, whatever the transport: check the department may write the category
   * → validate the batch against the category schema → category checks → dedupe → append to the
   * log and move current state in one transaction → hand the events on → acknowledge.
   * Throws InputError (with every issue) and stores nothing when any record is wrong.
   */
  accept(credential: DepartmentCredential, category: string, batch: unknown): Promise<IngestAck>;
}

export function createIngestPipeline(opts: PipelineOptions): IngestPipeline {
  const checks = categoryChecks(opts.region);
  return {
    async accept(credential, categoryId, batch) {
      // The one place every transport's batch passes: its outcome is told here, once.
      const known = categories.has(categoryId) ? categoryId : UNKNOWN_CATEGORY;
      try {
        const ack = await acceptBatch(opts, checks, credential, categoryId, batch);
        opts.observer?.stored(credential.department, known, ack);
        return ack;
      } catch (error) {
        // The code the sender is answered: the refusal's, or the error handler's for a failure of ours.
        opts.observer?.refused(credential.department, known, error instanceof InputError ? error.code : 'BEACON_INTERNAL');
        throw error;
      }
    },
  };
}

/** Department may write the category → the department's own batch; a refused one is logged to its feed. */
async function acceptBatch(
  opts: PipelineOptions,
  checks: ReturnType<typeof categoryChecks>,
  credential: DepartmentCredential,
  categoryId: string,
  batch: unknown,
): Promise<IngestAck> {
  const category = categories.get(categoryId);
  if (!category) {
    throw new InputError(404, 'BEACON_UNKNOWN_CATEGORY', `no category "${categoryId}"`, [
      { path: 'category', expected: `one of: ${[...categories.keys()].join(', ')}`, got: categoryId },
    ]);
  }
  if (category.department !== credential.department) {
    throw new InputError(403, 'BEACON_FORBIDDEN', `only the ${category.department} department may write ${categoryId}`, [
      { path: 'authorization', expected: `a key of department "${category.department}"`, got: `a key of department "${credential.department}"` },
    ]);
  }
  try {
    return await acceptOwnBatch(opts, checks[categoryId], credential, category, batch);
  } catch (error) {
    // A refused batch of the department's own category is part of its feed's health: log it.
    if (error instanceof InputError && error.statusCode < 500) {
      const records = Array.isArray((batch as { records?: unknown } | null)?.records) ? (batch as { records: unknown[] }).records.length : 0;
      const event = await logRejection(opts.sql, { credentialId: credential.id, department: category.department, category: categoryId }, records, error).catch(
        () => null, // the refusal itself must still reach the sender
      );
      if (event) opts.onAppended([event]);
    }
    throw error;
  }
}

/** Validate → check → dedupe → store → hand on, for a category the credential's department owns. */
async function acceptOwnBatch(
  opts: PipelineOptions,
  check: CategoryCheck | undefined,
  credential: DepartmentCredential,
  category: CategoryDefinition,
  batch: unknown,
): Promise<IngestAck> {
  const schemaIssues = validateBatch(opts.region, category.id, batch);
  if (schemaIssues.length) {
    throw new InputError(400, 'BEACON_INVALID_INPUT', `${schemaIssues.length} problem(s) in the batch; nothing was stored`, schemaIssues);
  }
  const records = (batch as { records: Record<string, unknown>[] }).records;
  const normal = records.map((r) => normaliseRecord(category, r));
  const keys = normal.map((n) => dedupeKey(category.id, n));
  const issues = checkBatch(category, records, normal, keys, opts.now(), check);
  if (issues.length) {
    throw new InputError(422, 'BEACON_UNPROCESSABLE', `${issues.length} problem(s) in the batch; nothing was stored`, issues);
  }
  const logRecords: LogRecord[] = normal.map((n, i) => ({
    department: category.department, category: category.id, sourceId: credential.id, dedupeKey: keys[i]!,
    entityId: n.entityId, observedAt: n.observedAt, version: n.version, payload: n.payload,
  }));
  const stored = await storeRecords(opts.sql, logRecords, {
    appendLock: opts.appendLock ?? false,
    ...(opts.onAppending ? { beforeCommit: opts.onAppending } : {}),
    ...(opts.onDrawn ? { onDrawn: opts.onDrawn } : {}),
    ...(opts.onEnded ? { onEnded: opts.onEnded } : {}),
    ...(opts.onStatementSent ? { onStatementSent: opts.onStatementSent } : {}),
  });
  opts.onAppended(stored.appended);
  const accepted = stored.records.filter((r) => r.status === 'stored').length;
  return { accepted, duplicates: stored.records.length - accepted, records: stored.records };
}
