import { createHash } from 'node:crypto';
import type { Sql } from '@beacon/db';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

// Why PostgreSQL and not the plugin's in-process store: with several nodes behind a balancer each
// would count alone (N nodes, N × the limit). Every deployment already has PostgreSQL; one upsert
// per counted request on an UNLOGGED table (db/src/schema/rate-limits.ts) is all sharing costs,
// and a Redis just for counters would be one more thing to run in a command centre.

export interface CounterClock {
  /** The time windows are measured in; default the database's `now()`, the one clock every node shares. Tests pass their own. */
  now?: () => number;
}

export interface Count {
  /** Requests counted in the current window, this one included. */
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

/** A key as stored: the plain key when short (readable when debugging), a digest when long. */
function storedKey(key: string): string {
  return key.length <= 200 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Counts one request under `key` in a fixed window that starts at the key's first request (as the
 * plugin's own store does), shared by every node on the database. One statement: concurrent
 * requests on several nodes serialise on the row, so none is lost.
 */
export async function countRequest(sql: Sql, key: string, windowMs: number, clock: CounterClock = {}): Promise<Count> {
  const at = clock.now ? new Date(clock.now()) : null;
  const [row] = await sql<{ hits: number; ttl_ms: number }[]>`
    with clock as (select coalesce(${at}::timestamptz, now()) as at)
    insert into rate_limit_counters as c (key, hits, window_ends_at)
    select ${storedKey(key)}, 1, clock.at + ${windowMs} * interval '1 millisecond' from clock
    on conflict (key) do update set
      hits = case when c.window_ends_at <= (select at from clock) then 1 else c.hits + 1 end,
      window_ends_at = case when c.window_ends_at <= (select at from clock) then excluded.window_ends_at else c.window_ends_at end
    returning hits, ceil(extract(epoch from window_ends_at - (select at from clock)) * 1000)::int as ttl_ms`;
  return { current: row!.hits, ttl: row!.ttl_ms };
}

/** The count under `key` without counting (zero when its window has ended). */
export async function readCount(sql: Sql, key: string, clock: CounterClock = {}): Promise<Count> {
  const at = clock.now ? new Date(clock.now()) : null;
  const [row] = await sql<{ hits: number; ttl_ms: number }[]>`
    with clock as (select coalesce(${at}::timestamptz, now()) as at)
    select hits, ceil(extract(epoch from window_ends_at - clock.at) * 1000)::int as ttl_ms
    from rate_limit_counters, clock where key = ${storedKey(key)} and window_ends_at > clock.at`;
  return row ? { current: row.hits, ttl: row.ttl_ms } : { current: 0, ttl: 0 };
}

/** Drops counters whose window has ended (a new request starts a fresh one anyway); returns how many. */
export async function sweepCounters(sql: Sql, clock: CounterClock = {}): Promise<number> {
  const at = clock.now ? new Date(clock.now()) : null;
  const deleted = await sql`delete from rate_limit_counters where window_ends_at <= coalesce(${at}::timestamptz, now())`;
  return deleted.count;
}

/**
 * @fastify/rate-limit's store interface over those counters. The plugin constructs the store
 * itself, so the database comes in through this closure. Every limiter made from it
 * (`createRateLimit`) shares the one table: Beacon's keys carry their own prefixes. The plugin's
 * `continueExceeding`, `exponentialBackoff` and `ban` are not supported (Beacon uses none of them).
 */
export function postgresStore(sql: Sql, clock: CounterClock = {}): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: Count) => void, timeWindow: number): void {
      countRequest(sql, key, timeWindow, clock).then((count) => callback(null, count), (err: Error) => callback(err));
    }

    read(key: string, callback: (error: Error | null, result?: Count) => void): void {
      readCount(sql, key, clock).then((count) => callback(null, count), (err: Error) => callback(err));
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return PostgresRateLimitStore;
}
