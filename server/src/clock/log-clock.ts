import type { Sql } from '@beacon/db';

/**
 * The log's clock: the database's, read from this process.
 *
 * Every event's receive time is stamped by PostgreSQL (`now()` in the inserting transaction), and a
 * forward post's deadline is its order's receive time + 30 minutes. Screens correct their clocks to
 * the server's `serverTime`; if that came from this host's clock while deadlines come from the
 * database host's, a skew between the two hosts would move every post's red second by the skew. So
 * the server's clock is this host's clock plus the measured offset to the database's, re-measured
 * every few minutes to follow drift.
 */
export interface LogClock {
  now(): number;
  /** Milliseconds to add to this host's clock to get the database's (last measurement). */
  readonly offsetMs: number;
  stop(): void;
}

/** One reading of the other clock: the time it said, and this host's clock before and after asking. */
export interface ClockReading {
  before: number;
  remote: number;
  after: number;
}

/**
 * The offset from a few readings: the one with the shortest round trip, assuming the remote clock
 * was read half-way through it (NTP's estimate). Nothing better is knowable from one side.
 */
export function offsetFrom(readings: readonly ClockReading[]): number {
  if (readings.length === 0) throw new Error('offsetFrom needs at least one reading');
  const best = readings.reduce((a, b) => (b.after - b.before < a.after - a.before ? b : a));
  return best.remote - (best.before + best.after) / 2;
}

export async function readDatabaseClock(sql: Sql, local: () => number = Date.now): Promise<ClockReading> {
  const before = local();
  // clock_timestamp(): the time now, not the transaction's start as now() would give.
  const [row] = await sql<{ ms: string }[]>`select (extract(epoch from clock_timestamp()) * 1000)::bigint::text as ms`;
  const after = local();
  return { before, remote: Number(row!.ms), after };
}

const READINGS = 5;
const REMEASURE_MS = 5 * 60_000;

export interface LogClockOptions {
  /** This host's clock (default Date.now). */
  local?: () => number;
  onError?: (err: unknown) => void;
}

export async function startLogClock(sql: Sql, options: LogClockOptions = {}): Promise<LogClock> {
  const local = options.local ?? Date.now;
  const measure = async () => {
    const readings: ClockReading[] = [];
    for (let i = 0; i < READINGS; i++) readings.push(await readDatabaseClock(sql, local));
    return offsetFrom(readings);
  };
  let offsetMs = await measure();
  // A failed re-measurement keeps the last offset: drift is slow, and the database may be back soon.
  const timer = setInterval(() => {
    measure().then((o) => (offsetMs = o), (err: unknown) => options.onError?.(err));
  }, REMEASURE_MS);
  timer.unref();
  return {
    now: () => local() + offsetMs,
    get offsetMs() {
      return offsetMs;
    },
    stop: () => clearInterval(timer),
  };
}
