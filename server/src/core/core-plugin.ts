import type { Database } from '@beacon/db';
import { DEFAULT_REGION_ID, regionById, type Region } from '@beacon/shared';
import fp from 'fastify-plugin';
import { startLogClock } from '../clock/log-clock.ts';

/** The server's clock: epoch ms. */
export interface Clock {
  now(): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The database every capability reads and writes. */
    db: Database;
    /** The city this server serves: its districts, gauges and bounds. Set once, here. */
    region: Region;
    /** The one clock of the server (the log's, unless a test passes its own). */
    clock: Clock;
  }
}

/** The city a server serves unless buildApp is given another (shared/src/region/index.ts chooses it). */
export const DEFAULT_REGION: Region = regionById(DEFAULT_REGION_ID);

export interface CoreOptions {
  db: Database;
  /** Default: DEFAULT_REGION (Xiamen). */
  region?: Region | undefined;
  /** The clock; tests pass their own. Default: the log's clock (this host's, corrected to the database's). */
  now?: (() => number) | undefined;
}

/** What every capability reads from the app rather than being handed: the database, the region and the clock. */
export const core = fp<CoreOptions>(
  async (app, opts) => {
    app.decorate('db', opts.db);
    app.decorate('region', opts.region ?? DEFAULT_REGION);
    if (opts.now) {
      app.decorate('clock', { now: opts.now });
      return;
    }
    const logClock = await startLogClock(opts.db.sql, { onError: (err) => app.log.warn({ err }, 'measuring the database clock failed; keeping the last offset') });
    if (Math.abs(logClock.offsetMs) > 1000) app.log.warn({ offsetMs: logClock.offsetMs }, 'this host and the database disagree on the time by over a second: check NTP on both');
    app.decorate('clock', { now: logClock.now });
    app.addHook('onClose', async () => logClock.stop());
  },
  { name: 'beacon-core', fastify: '5.x' },
);
