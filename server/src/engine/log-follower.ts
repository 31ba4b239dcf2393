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
 * commits late, never stalling on a number that will never commit.
 *
 * Why this is exact. Sequence numbers are drawn before commit, so a later number can become visible
 * first: a *gap* below the newest visible number is either a transaction still running (hold every
 * event after it) or a number that will never appear (a rollback, or one drawn and not used). Every
 * writer takes its transaction id (xid) before drawing a number (engine/append-event.ts,
 * ingest/store-records.ts). When a page read in snapshot S shows a gap at X below a visible Y:
 *   1. X was drawn before Y (the sequence is monotonic, cache 1), Y committed before S was taken, so
 *      X's owner took its xid before S.
 *   2. Right after the read, the follower takes a fresh xid B (its own one-statement transaction).
 *      xids are handed out in increasing order, so the owner's xid < B. B bounds every gap of the page.
 *   3. A later snapshot S' with xmin > B proves every xid ≤ B has finished, the owner's included. If X
 *      is not visible in S' either, it never will be: the gap is settled and the follower moves on.
 * (The first version bounded a gap by S's own xmax. PostgreSQL builds xmax from the newest *finished*
 * xid, and a running xid at or above it is not listed in S, so the owner could be running with an xid
 * ≥ xmax: a gap was declared settled while its record was about to commit, and that record was never
 * folded.) Every gap of a page is bounded by one B and settled together: a batch of burned numbers
 * costs two reads, not one read per number. No timeouts anywhere: a transaction held open holds the
 * events behind its number, for exactly as long as it is open.
 *
 * The alternative — one lock held from drawing the number to commit, so commit order is sequence
 * order — was measured against this one (README, "How live state flows"): it serialises every
 * append, commit included.
 */
export class LogFollower {
  #position: number;
  /**
   * Every number missing at or below `upTo` when it was read is owned by an xid below `bound` (see the
   * class comment). A missing number belongs to the first horizon that reaches it: visibility only
   * grows, so a number missing now was missing in every earlier read that reached it. Ascending in
   * both fields.
   */
  #horizons: { upTo: number; bound: bigint }[] = [];
  #recheck: NodeJS.Timeout | null = null;
  #recheckMs = FIRST_RECHECK_MS;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #again = false;
  #stopped = false;
  #listener: { unlisten(): Promise<void> } | null = null;
  /**
   * Events above the position whose payloads the follower already has: those this node committed
   * itself (hinted), and those a read fetched but could not hand on yet (held behind a gap). A logged
   * event never changes, so each payload is fetched once however often a gap makes the page re-read.
   */
  readonly #known = new Map<number, BeaconEvent>();
  /**
   * Numbers this node's own ingest transactions have drawn and not yet ended. A gap made only of them
   * needs neither an xid bound nor a timed recheck: their transaction tells the follower when it ends
   * (`release`), committed or not, and a read while the next number is one of them is skipped. Released,
   * a number not committed (rolled back, or a lost COMMIT answer) is an ordinary gap again and settles
   * by the xid rule. Only when the follower looks changes here, never what counts as settled.
   */
  readonly #own = new Set<number>();
  /**
   * This node's own numbers whose commit was acknowledged, with their events in `#known`: when they
   * follow the position without a gap, they are handed on without reading the log (`ownCommitted`).
   */
  readonly #ownCommitted = new Set<number>();
  /** The highest number a NOTIFY announced: a read is owed while it is above the position. */
  #announced = 0;
  /**
   * This node's one-statement appends in flight (ingest/store-records.ts, `appendIfAllFresh`): their
   * numbers are known only once they answer, and the NOTIFY of their commit often arrives first. The
   * read a NOTIFY owes then waits for the appends in flight at that moment to answer — they usually
   * bring the announced events themselves (`ownCommitted`) — or for DEFER_MS, whichever comes first, and
   * happens only if it is still owed. Only when the follower looks changes, never what counts as settled.
   */
  readonly #appending = new Set<symbol>();
  #deferral: { waitingFor: Set<symbol>; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly opts: FollowerOptions) {
    this.#position = opts.from;
  }

  /** The highest number a NOTIFY announced (0 before the first). */
  get announced(): number {
    return this.#announced;
  }

  /** The highest sequence handed on: everything at or below it is settled. */
  get position(): number {
    return this.#position;
  }

  async start(): Promise<void> {
    this.#listener = await this.opts.sql.listen(LOG_CHANNEL, (upTo) => {
      const announced = Number(upTo);
      if (announced > this.#announced) this.#announced = announced;
      if (!(announced <= this.#position)) this.#readOwed();
    });
    this.#timer = setInterval(() => this.poke(), this.opts.pollMs ?? 1000);
    // The first read may be long (the log since the newest snapshot): it runs in the background, and
    // `catchUp()` tells when it is done. A node that is still catching up is up, but not current.
    this.poke();
  }

  /** The newest sequence number visible in the log now (0 for an empty log). */
  async head(): Promise<number> {
    const [row] = await this.opts.sql<{ max: string | null }[]>`select max(seq)::text as max from events`;
    return Number(row?.max ?? 0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#deferral) clearTimeout(this.#deferral.timer);
    if (this.#recheck) clearTimeout(this.#recheck);
    await this.#listener?.unlisten().catch(() => {});
    while (this.#running) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * Events this node just committed. They are still handed on only in log order, once the follower
   * reaches them; knowing them saves reading their payloads back.
   */
  hint(events: readonly BeaconEvent[]): void {
    for (const e of events) if (e.seq > this.#position) this.#known.set(e.seq, e);
  }

  /** Numbers a transaction of this node has just drawn (see `#own`). */
  own(seqs: readonly number[]): void {
    for (const q of seqs) if (q > this.#position) this.#own.add(q);
  }

  /**
   * Their transaction ended. Committed, its caller pokes once the commit is acknowledged (as for any
   * commit of this node); not committed (rolled back, or the answer lost), nothing else will: look now.
   */
  release(seqs: readonly number[], committed: boolean): void {
    for (const q of seqs) {
      this.#own.delete(q);
      if (committed && q > this.#position && this.#known.has(q)) this.#ownCommitted.add(q);
    }
    if (!committed) this.poke();
  }

  /**
   * A one-statement append of this node is being sent. Call what this returns once its answer has
   * been handled (`own`, `hint`, `release` done when it committed), whatever the answer.
   */
  appending(): () => void {
    const token = Symbol('append');
    this.#appending.add(token);
    return () => {
      this.#appending.delete(token);
      const deferral = this.#deferral;
      if (deferral && deferral.waitingFor.delete(token) && deferral.waitingFor.size === 0) this.#endDeferral();
    };
  }

  /** A NOTIFY announced numbers past the position: read now, or once this node's appends in flight have answered. */
  #readOwed(): void {
    if (this.#appending.size === 0) return this.poke();
    if (this.#deferral || this.#stopped) return;
    const timer = setTimeout(() => this.#endDeferral(), DEFER_MS);
    timer.unref();
    this.#deferral = { waitingFor: new Set(this.#appending), timer };
  }

  /** The appends a read waited for have answered, or DEFER_MS passed: hand on what they brought, and read if a read is still owed. */
  #endDeferral(): void {
    if (!this.#deferral) return;
    clearTimeout(this.#deferral.timer);
    this.#deferral = null;
    this.ownCommitted();
  }

  /**
   * After a commit of this node's own ingest: its events are handed on at once when they follow the
   * position without a gap — they are committed, and nothing can come between the position and them —
   * with no read of the log. A read still happens when one is owed: a NOTIFY announced numbers past
   * them (another writer's), or they do not follow the position (a gap: the read settles it).
   */
  ownCommitted(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true; // the read in progress goes round again and hands them on
      return;
    }
    const ready: BeaconEvent[] = [];
    for (let next = this.#position + 1; this.#ownCommitted.has(next); next++) {
      ready.push(this.#known.get(next)!);
      this.#ownCommitted.delete(next);
      this.#known.delete(next);
    }
    if (ready.length) this.#moveTo(ready.at(-1)!.seq, ready);
    // A read owed meanwhile waits for the appends in flight: the deferral's end comes back here.
    if (this.#deferral) return;
    // Own committed events still waiting behind a number: one of this node's own in flight ends with
    // its own call here; any other (another writer's, a rollback) is a gap a read must settle.
    const waitingOnOther = this.#ownCommitted.size > 0 && !this.#own.has(this.#position + 1);
    if (this.#announced > this.#position || waitingOnOther) this.poke();
  }

  /** Moves the position to `position` (every number up to it settled) and hands on `ready`, the events among them, in order. */
  #moveTo(position: number, ready: BeaconEvent[]): void {
    this.#position = position;
    this.#horizons = this.#horizons.filter((h) => h.upTo > this.#position);
    for (const q of this.#known.keys()) if (q <= this.#position) this.#known.delete(q);
    for (const q of this.#ownCommitted) if (q <= this.#position) this.#ownCommitted.delete(q);
    if (ready.length) this.opts.onEvents(ready);
  }

  /** Read the log now (after a commit here or a notification); polls never overlap. */
  poke(): void {
    if (this.#stopped) return;
    // The next number is this node's own, in flight: nothing can be handed on before its transaction
    // ends, and its end pokes (`release`). A read now would only read the same page twice.
    if (this.#own.has(this.#position + 1)) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    void this.poll().catch((e) => this.opts.onError?.(e));
  }

  /** Resolves once every event committed before the call has been handed on (gaps before it settled). */
  async catchUp(): Promise<void> {
    const target = await this.head();
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
    // One statement, so one snapshot for both: the numbers visible and the snapshot that saw them
    // (pg_current_snapshot() is the statement's own snapshot, the one its scan reads with). This used
    // to be a repeatable-read transaction of four round trips (BEGIN, snapshot, numbers, COMMIT) after
    // every commit of every node; now it is one, and a second only for payloads not already known.
    const [page] = await this.opts.sql<{ snap: string; seqs: string }[]>`
      select pg_current_snapshot()::text as snap,
             array_to_string(array(select seq from events where seq > ${this.#position} order by seq limit ${pageSize}), ',') as seqs`;
    const snapshot = parseSnapshot(page!.snap);
    const seqs = page!.seqs === '' ? [] : page!.seqs.split(',').map(Number);
    // A committed event never changes, so its payload may be read by a later statement than the one
    // that saw its number.
    const missing = seqs.filter((q) => !this.#known.has(q));
    if (missing.length) {
      // Prepared (`unsafe` is not by default): one round trip, not two (db/src/client.ts, PLAN_CACHE_MODE).
      const fetched = await this.opts.sql.unsafe<LogRow[]>(`select ${EVENT_COLUMNS} from events where seq = any($1::bigint[])`, [missing.map(String)], { prepare: true });
      for (const r of fetched) this.#known.set(Number(r.seq), rowToEvent(r));
    }
    const rows = seqs.map((q) => {
      const event = this.#known.get(q);
      // Only retention could delete a logged event, and it prunes far below any follower's position.
      if (!event) throw new Error(`log event ${q} was seen and then could not be read`);
      return event;
    });

    const ready: BeaconEvent[] = [];
    let expected = this.#position + 1;
    let held = false;
    for (const event of rows) {
      // Skip settled numbers below this event; the first unsettled one holds it and all after it.
      while (expected < event.seq) {
        const horizon = this.#horizons.find((h) => h.upTo >= expected);
        if (!horizon || snapshot.xmin <= horizon.bound) break;
        expected = Math.min(horizon.upTo, event.seq - 1) + 1;
      }
      if (expected !== event.seq) {
        held = true;
        break;
      }
      ready.push(event);
      expected += 1;
    }
    this.#moveTo(expected - 1, ready);
    if (held) {
      // Held only by this node's own transactions: their end pokes the follower, no need to look sooner.
      if (this.#onlyOwnMissing(rows, expected)) return false;
      const newest = rows.at(-1)!.seq;
      if (newest > (this.#horizons.at(-1)?.upTo ?? 0)) await this.boundGapsUpTo(newest);
      this.scheduleRecheck();
    } else {
      this.#recheckMs = FIRST_RECHECK_MS;
    }
    return rows.length === pageSize && !held;
  }

  /** Whether every number missing from `from` up to the page's newest is one of this node's own in flight. */
  #onlyOwnMissing(rows: readonly BeaconEvent[], from: number): boolean {
    let q = from;
    for (const event of rows) {
      if (event.seq < from) continue;
      for (; q < event.seq; q++) if (!this.#own.has(q)) return false;
      q = event.seq + 1;
    }
    return true;
  }

  /**
   * Bounds every number missing below `newest` in the read just made by an xid taken now, after that
   * read's snapshot (see the class comment): once a later snapshot's xmin passes it, they are settled.
   */
  private async boundGapsUpTo(newest: number): Promise<void> {
    const [row] = await this.opts.sql<{ xid: string }[]>`select pg_current_xact_id()::text as xid`;
    this.#horizons.push({ upTo: newest, bound: BigInt(row!.xid) });
  }

  /**
   * A gap is waiting on another transaction: look again shortly rather than at the next poll. The
   * owner's commit NOTIFYs and wakes the follower at once; the recheck is for numbers that will never
   * commit (rollbacks, drawn and unused), so it backs off while a transaction stays open.
   */
  private scheduleRecheck(): void {
    if (this.#recheck) return;
    const delay = this.#recheckMs;
    this.#recheckMs = Math.min(this.#recheckMs * 2, LAST_RECHECK_MS);
    this.#recheck = setTimeout(() => {
      this.#recheck = null;
      this.poke();
    }, delay);
    this.#recheck.unref();
  }
}

/**
 * At most this long a read a NOTIFY owes waits for this node's one-statement appends in flight (ms): an
 * append blocked on a lock must not hold back another writer's events for longer.
 */
const DEFER_MS = 50;
/** First look again after a gap (ms): the second read of a settled gap comes this soon. */
const FIRST_RECHECK_MS = 2;
/** At most this long between looks while a transaction holds a gap open (ms). */
const LAST_RECHECK_MS = 100;
