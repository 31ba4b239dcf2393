import type { Sql } from '@beacon/db';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { postgresStore, sweepCounters } from './postgres-store.ts';

/** How often a node drops ended windows' counters; any node's sweep serves all. */
const SWEEP_MS = 60_000;

/**
 * Registers @fastify/rate-limit with its counters in PostgreSQL, so every node counts against one
 * limit (ingest per department and address, sign-in per name and address), and sweeps ended windows.
 */
export async function registerSharedRateLimit(app: FastifyInstance, sql: Sql, settings: Omit<RateLimitPluginOptions, 'store' | 'redis'>): Promise<void> {
  await app.register(rateLimit, { ...settings, store: postgresStore(sql) });
  const sweeper = setInterval(() => {
    sweepCounters(sql).catch((err: unknown) => app.log.warn({ err }, 'sweeping ended rate-limit windows failed; the next sweep retries'));
  }, SWEEP_MS);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));
}
