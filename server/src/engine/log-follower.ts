import type { BeaconEvent } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { EVENT_COLUMNS, rowToEvent, type LogRow } from './log-rows.ts';
import { parseSnapshot } from './snapshot-id.ts';

/** Ingest NOTIFYs this channel inside each transaction; PostgreSQL delivers it at commit. */
export const LOG_CHANNEL = 'beacon_log';

export interface FollowerOptions {
  sql: Sql;
  /** Every sequence number up to this one is already folded in (from a snapshot, or 0). */
  from: number;
  /** Receives events strictly in log order, each exactly once. */
  onEvents: (events: BeaconEvent[]) => void;
  /** Poll anyway this often, in case a notification is missed (ms). */
  pollMs?: number;
  pageSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Follows the event log and hands on events in strict sequence order, never skipping one that
 * commits late.
 *
 * Sequence numbers are drawn before commit, so a later number can become visible first. When the
 * follower meets a gap it holds everything after it until the gap is *settled*: ingest takes its
 * transaction id before drawing a number, so the gap's owner already had an id below the xmax of
 * the snapshot in which the gap was first seen; once a later snapshot's xmin passes that xmax, the
 * owner has finished, and a number still missing then was never committed (a rollback, or a value
 * burned by ON CONFLICT DO NOTHING). Exact — no timeouts to tune.
 */
export class LogFollower {
  #position: number;
  readonly #gaps = new Map<number, bigint>();
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #again = false;
  #stopped = false;
  #listener: { unlisten(): Promise<void> } | null = null;
  /** Events this node committed itself: the follower need not fetch their payloads back. */
  readonly #local = new Map<number, BeaconEvent>();

  constructor(private readonly opts: FollowerOptions) {
    this.#position = opts.from;
  }

  /** The highest sequence handed on: everything at or below it is settled. */
  get position(): number {
    return this.#position;
  }

  async start(): Promise<void> {
    this.#listener = await this.opts.sql.listen(LOG_CHANNEL, (upTo) => {
      if (!(Number(upTo) <= this.#position)) this.poke();
    });
    this.#timer = setInterval(() => this.poke(), this.opts.pollMs ?? 1000);
    await this.poll();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#listener?.unlisten().catch(() => {});
    while (this.#running) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * Events this node just committed. They are still handed on only in log order, once the follower
   * reaches them; knowing them saves reading their payloads back.
   */
  hint(events: readonly BeaconEvent[]): void {
    for (const e of events) if (e.seq > this.#position) this.#local.set(e.seq, e);
  }

  /** Read the log now (after a commit here or a notification); polls never overlap. */
  poke(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    void this.poll().catch((e) => this.opts.onError?.(e));
  }

  /** Resolves once every event committed before the call has been handed on (gaps before it settled). */
  async catchUp(): Promise<void> {
    const [row] = await this.opts.sql<{ max: string | null }[]>`select max(seq)::text as max from events`;
    const target = Number(row?.max ?? 0);
    while (!this.#stopped) {
      await this.poll();
      if (this.#position >= target) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** One read of the log; resolves when everything visible and settled has been handed on. */
  async poll(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    try {
      do {
        this.#again = false;
        while (!this.#stopped && (await this.readPage())) {
          /* a full page: there may be more */
        }
      } while (this.#again && !this.#stopped);
    } finally {
      this.#running = false;
    }
  }

  /** Reads one page in one snapshot; returns true when the page was full. */
  private async readPage(): Promise<boolean> {
    const pageSize = this.opts.pageSize ?? 5000;
    // One snapshot for the sequence list and the payloads: what is visible and what is settled agree.
    const { snapshot, rows } = await this.opts.sql.begin('isolation level repeatable read read only', async (tx) => {
      const [row] = await tx<{ snap: string }[]>`select pg_current_snapshot()::text as snap`;
      const seqs = await tx<{ seq: string }[]>`select seq from events where seq > ${this.#position} order by seq limit ${pageSize}`;
      const missing = seqs.map((r) => r.seq).filter((q) => !this.#local.has(Number(q)));
      const fetched = missing.length
        ? await tx.unsafe<LogRow[]>(`select ${EVENT_COLUMNS} from events where seq = any($1::bigint[])`, [missing])
        : [];
      const bySeq = new Map(fetched.map((r) => [Number(r.seq), rowToEvent(r)]));
      const page = seqs.map((r) => {
        const seq = Number(r.seq);
        return this.#local.get(seq) ?? bySeq.get(seq)!;
      });
      return { snapshot: parseSnapshot(row!.snap), rows: page };
    });

    const ready: BeaconEvent[] = [];
    let expected = this.#position + 1;
    for (const event of rows) {
      const seq = event.seq;
      while (expected < seq) {
        const seenAt = this.#gaps.get(expected);
        if (seenAt === undefined) {
          this.#gaps.set(expected, snapshot.xmax);
          break;
        }
        if (snapshot.xmin < seenAt) break; // its owner may still commit: hold everything after it
        this.#gaps.delete(expected); // settled and absent: it never existed
        expected += 1;
      }
      if (expected !== seq) break;
      ready.push(event);
      expected += 1;
    }
    this.#position = expected - 1;
    for (const g of this.#gaps.keys()) if (g <= this.#position) this.#gaps.delete(g);
    for (const q of this.#local.keys()) if (q <= this.#position) this.#local.delete(q);
    if (ready.length) this.opts.onEvents(ready);
    const heldBack = rows.length > 0 && ready.length < rows.length;
    if (heldBack) this.scheduleRecheck();
    return rows.length === pageSize && !heldBack;
  }

  /** A gap is waiting on another transaction: look again shortly rather than at the next poll. */
  private scheduleRecheck(): void {
    setTimeout(() => this.poke(), 5).unref();
  }
}
