import fp from 'fastify-plugin';
import { EventMetrics } from '../metrics/event-metrics.ts';
import { LiveEngine } from './live-engine.ts';
import type { SnapshotPolicy } from './snapshots.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live state: the fold of the log, kept current on every node. */
    engine: LiveEngine;
    /** Counts of events folded, refused and sent, for /metrics. */
    eventMetrics: EventMetrics;
  }
}

export interface EngineOptions {
  /** When the engine snapshots its state (default every SNAPSHOT_EVERY_EVENTS, 10,000); false for never. */
  snapshots?: SnapshotPolicy | false | undefined;
}

/** The live engine, rebuilt from the log at start and stopped at close. */
export const enginePlugin = fp<EngineOptions>(
  async (app, opts) => {
    const engine = new LiveEngine();
    // Counted from the first fold on: the metrics watch the engine before it starts.
    const metrics = new EventMetrics();
    const stopTimingFolds = metrics.watch(engine);
    app.addHook('onClose', async () => stopTimingFolds());
    // Folded past, never silently: the event stays in the log, its feed counts it, the log says why.
    engine.onUnfoldable = (f) => app.log.error({ seq: f.seq, reason: f.reason }, 'live engine: an event in the log cannot be folded; skipped and counted in its feed\'s health');
    await engine.start(app.db.sql, undefined, {
      onError: (err) => app.log.error({ err }, 'live engine: reading the log or writing a snapshot failed; retrying'),
      ...(opts.snapshots !== undefined ? { snapshots: opts.snapshots } : {}),
    });
    app.decorate('engine', engine);
    app.decorate('eventMetrics', metrics);
    app.addHook('onClose', async () => engine.stop());
  },
  { name: 'beacon-engine', dependencies: ['beacon-core'], decorators: { fastify: ['db'] } },
);
