import type { DepartmentId } from '@beacon/shared';
import type { DepartmentCredential } from '../../credentials/department-keys.ts';
import { InputError, type Issue } from '../../errors/input-error.ts';
import type { IngestPipeline } from '../pipeline.ts';
import { backoffDelay, type BackoffPolicy } from './backoff.ts';
import { chunks, fetchRecords, PullError } from './fetch-records.ts';

export interface PullConnectorConfig {
  /** Unique; names the connector in its status and its credential ("pull:<id>"). */
  id: string;
  department: DepartmentId;
  category: string;
  url: string;
  intervalMs: number;
  headers?: Record<string, string>;
  /** Default 10 s. A slow answer delays the next poll; polls never overlap. */
  timeoutMs?: number;
}

export interface ConnectorError {
  at: string;
  /** unreachable | timeout | http | too-large | json | shape: the fetch; rejected: the pipeline refused the records; internal. */
  kind: PullError['kind'] | 'rejected' | 'internal';
  message: string;
  /** For "rejected": the pipeline's issues (first 20), e.g. [{ path: '/records/0/rainfall1hMm', ... }]. */
  code?: string;
  issues?: Issue[];
}

export interface ConnectorStatus {
  id: string;
  department: DepartmentId;
  category: string;
  /** ok: the last poll succeeded (or none has run yet: lastSuccessAt null); backing-off: recent failures, retrying later; failing: failingAfter failures in a row. */
  state: 'ok' | 'backing-off' | 'failing';
  lastSuccessAt: string | null;
  /** Kept after a recovery, so the wall can still say what went wrong last. */
  lastError: ConnectorError | null;
  consecutiveFailures: number;
  /** null while a poll is running, and after stop(). */
  nextPollAt: string | null;
  lastAttemptAt: string | null;
  /** What the last successful poll brought: records newly stored and records already held. */
  lastAck: { accepted: number; duplicates: number } | null;
}

export interface ConnectorDeps {
  pipeline: IngestPipeline;
  credential: () => Promise<DepartmentCredential>;
  backoff: BackoffPolicy;
  failingAfter: number;
  maxBytes: number;
  clock: () => number;
  random: () => number;
  onChange?: (status: ConnectorStatus, previous: ConnectorStatus['state']) => void;
}

/** One polled endpoint. Polls never overlap: the next is scheduled only when the last has finished. */
export class PullConnector {
  readonly status: ConnectorStatus;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly config: PullConnectorConfig,
    private readonly deps: ConnectorDeps,
  ) {
    const { id, department, category } = config;
    this.status = { id, department, category, state: 'ok', lastSuccessAt: null, lastError: null, consecutiveFailures: 0, nextPollAt: null, lastAttemptAt: null, lastAck: null };
  }

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.status.nextPollAt = null;
    // A poll mid-transaction is let finish: the database must not be closed under it.
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (this.abort.signal.aborted) return;
    this.status.nextPollAt = iso(this.deps.clock() + delayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.status.nextPollAt = null;
      this.inFlight = this.poll().finally(() => (this.inFlight = null));
    }, delayMs);
  }

  private async poll(): Promise<void> {
    const previous = this.status.state;
    this.status.lastAttemptAt = iso(this.deps.clock());
    try {
      const records = await fetchRecords(
        { url: this.config.url, timeoutMs: this.config.timeoutMs ?? 10_000, maxBytes: this.deps.maxBytes, ...(this.config.headers ? { headers: this.config.headers } : {}) },
        this.abort.signal,
      );
      const credential = await this.deps.credential();
      const ack = { accepted: 0, duplicates: 0 };
      // Nothing new is a fine answer (the pipeline would refuse an empty batch).
      for (const part of chunks(records)) {
        const r = await this.deps.pipeline.accept(credential, this.config.category, { records: part });
        ack.accepted += r.accepted;
        ack.duplicates += r.duplicates;
      }
      Object.assign(this.status, { state: 'ok', lastSuccessAt: iso(this.deps.clock()), consecutiveFailures: 0, lastAck: ack });
      this.schedule(this.config.intervalMs);
    } catch (err) {
      if (this.abort.signal.aborted) return; // stopping: not a failure of the endpoint
      const failures = this.status.consecutiveFailures + 1;
      Object.assign(this.status, {
        consecutiveFailures: failures,
        state: failures >= this.deps.failingAfter ? 'failing' : 'backing-off',
        lastError: describe(err, iso(this.deps.clock())),
      });
      this.schedule(backoffDelay(failures, this.deps.backoff, this.deps.random));
    } finally {
      if (this.status.state !== previous) this.deps.onChange?.(this.status, previous);
    }
  }
}

function describe(err: unknown, at: string): ConnectorError {
  if (err instanceof PullError) return { at, kind: err.kind, message: err.message };
  if (err instanceof InputError) {
    return { at, kind: 'rejected', code: err.code, message: `the pipeline refused the records: ${err.message}`, issues: err.issues.slice(0, 20) };
  }
  return { at, kind: 'internal', message: `storing the records failed: ${(err as Error).message ?? String(err)}` };
}

const iso = (ms: number) => new Date(ms).toISOString();
