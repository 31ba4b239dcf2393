import fp from 'fastify-plugin';
import { createIngestPipeline, type IngestPipeline } from './pipeline.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The ingest pipeline every transport feeds. */
    ingest: IngestPipeline;
  }
}

export interface IngestOptions {
  /** Ingest's measured alternative (ingest/store-records.ts): one lock from sequence number to commit. Only for bench:ingest. */
  appendLock?: boolean | undefined;
}

/** The one way records are checked and stored, whichever transport brought them. */
export const ingestPlugin = fp<IngestOptions>(
  async (app, opts) => {
    const engine = app.engine;
    app.decorate('ingest', createIngestPipeline({
      sql: app.db.sql,
      now: app.clock.now,
      region: app.region,
      // Told before commit: the commit's NOTIFY may wake the follower before ingest hears "committed".
      // Committed: fold them now if nothing comes between, else read the log now (log-follower.ts `ownCommitted`;
      // a refusal's event is another writer's to the follower, announced by its NOTIFY).
      onAppending: (events) => engine.expect(events),
      onAppended: () => engine.ownCommitted(),
      // Gaps this node's own transactions leave are waited for, not bounded and rechecked (engine/log-follower.ts, `own`).
      onDrawn: (seqs) => engine.own(seqs),
      onEnded: (seqs, committed) => engine.release(seqs, committed),
      // The NOTIFY of a one-statement append often arrives before its answer: the read it would prompt waits for the answer.
      onStatementSent: () => engine.appending(),
      observer: app.eventMetrics.ingest,
      ...(opts.appendLock ? { appendLock: true } : {}),
    }));
  },
  { name: 'beacon-ingest', dependencies: ['beacon-core', 'beacon-engine'], decorators: { fastify: ['db', 'region', 'clock', 'engine', 'eventMetrics'] } },
);
