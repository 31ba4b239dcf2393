import type { Sql } from '@beacon/db';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findCredential, hashKey } from '../credentials/department-keys.ts';
import { InputError } from '../errors/input-error.ts';
import { registerSharedRateLimit } from '../rate-limits/shared-rate-limit.ts';
import { presentedKey } from './websocket/stream-auth.ts';

// Why @fastify/rate-limit: the maintained Fastify plugin; it sets x-ratelimit-* and retry-after,
// runs at onRequest (before a 256 KiB body is parsed) and lets us key, size and word the refusal.
// Its counters live in PostgreSQL (rate-limits/postgres-store.ts), shared by every node.

export interface IngestRateLimitOptions {
  /** Requests (HTTP batches, stream upgrades and stream messages together) per department per window. Default 600. */
  max?: number;
  /** Requests per window from one address that presents no valid key. Default 600. */
  maxPerAddress?: number;
  /** Default 60,000 ms. */
  windowMs?: number;
}

/** Which routes count: the ingest endpoints and the stream. Reference, docs and screens do not. */
export const rateLimitedRoute = (url: string) => url.startsWith('/api/v1/ingest/') || url === '/api/v1/stream';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts one request against its department's budget; the refusal to send, or null. */
    ingestRateLimit?: (request: FastifyRequest) => Promise<InputError | null>;
  }
}

/**
 * Per-department request limits, counted in PostgreSQL: every node counts against the same limit,
 * so N nodes behind a balancer still allow a department `max`, not N × max. Register before the routes.
 */
export const ingestRateLimit = fp<IngestRateLimitOptions>(
  async (app, opts) => {
    const { sql } = app.db;
    const max = opts.max ?? 600;
    const maxPerAddress = opts.maxPerAddress ?? 600;
    const windowMs = opts.windowMs ?? 60_000;
    const departmentOf = cachedDepartmentLookup(sql);
    const keys = new WeakMap<FastifyRequest, string>(); // for the wording of the refusal
    const keyOf = async (req: FastifyRequest): Promise<string> => {
      // The stream's messages carry the credential found at the upgrade; HTTP requests are counted
      // before authentication, so the key is looked up here (cached) — an unknown key counts by address.
      const department = req.credential?.department ?? (await lookup(req));
      const key = department ? `department:${department}` : `address:${rateLimit.normalizeIP(req.ip)}`;
      keys.set(req, key);
      return key;
    };
    const lookup = (req: FastifyRequest) => {
      const presented = presentedKey(req.headers);
      return presented ? departmentOf(presented) : null;
    };
    const limitFor = (key: string) => (key.startsWith('department:') ? max : maxPerAddress);

    await registerSharedRateLimit(app, sql, {
      global: false,
      timeWindow: windowMs,
      max: (_req, key) => limitFor(key),
      keyGenerator: keyOf,
      errorResponseBuilder: (req, ctx) => refusal(ctx.max, windowMs, Math.ceil(ctx.ttl / 1000), keys.get(req) ?? null),
    });
    // The plugin's own hook with its global settings, added only to the routes that count.
    const hook = app.rateLimit();
    app.addHook('onRoute', (route) => {
      if (!rateLimitedRoute(route.url)) return;
      const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
      route.onRequest = [hook, ...existing];
    });
    // Same store and key, called per stream message.
    const check = app.createRateLimit();
    app.decorate('ingestRateLimit', async (request: FastifyRequest) => {
      const verdict = await check(request);
      if (verdict.isAllowed || !verdict.isExceeded) return null;
      return refusal(verdict.max, windowMs, verdict.ttlInSeconds, verdict.key);
    });
  },
  { name: 'beacon-rate-limit', dependencies: ['beacon-core', 'beacon-errors'], decorators: { fastify: ['db'] } },
);

function refusal(max: number, windowMs: number, retryAfterS: number, key: string | null): InputError {
  const per = windowMs === 60_000 ? 'minute' : `${windowMs / 1000} s`;
  const who = key?.startsWith('address:') ? ' from an address without a valid key' : '';
  return new InputError(429, 'BEACON_RATE_LIMITED', `more than ${max} requests per ${per}${who}; retry in ${retryAfterS} s`, [
    { path: 'authorization', expected: `at most ${max} requests per ${per}${who}`, got: `more than ${max} in the current window; retry after ${retryAfterS} s` },
  ]);
}

/** key → department, cached briefly: only the limiter's key depends on it, never an authorization. */
function cachedDepartmentLookup(sql: Sql, ttlMs = 10_000, size = 10_000) {
  const cache = new Map<string, { department: string | null; until: number }>();
  return async (key: string): Promise<string | null> => {
    const hash = hashKey(key);
    const hit = cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.department;
    const credential = await findCredential(sql, key);
    if (cache.size >= size) cache.clear();
    cache.set(hash, { department: credential?.department ?? null, until: Date.now() + ttlMs });
    return credential?.department ?? null;
  };
}
