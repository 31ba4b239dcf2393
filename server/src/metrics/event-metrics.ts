import { Counter, Histogram, Registry } from 'prom-client';
import type { LiveEngine } from '../engine/live-engine.ts';
import type { ViewMessage } from '../hub/socket-hub.ts';
import type { IngestObserver } from '../ingest/pipeline.ts';
import type { ViewRef } from '@beacon/shared';

/**
 * The series counted as things happen: batches through the ingest pipeline, pages folded by the
 * engine, messages sent by the hub. One registry per app (two nodes in one test process keep their
 * own counts). Every label's values come from a bounded set of ours — departments, categories,
 * error codes, view kinds — never from a sender's text, so no caller can grow the series.
 */
export class EventMetrics {
  readonly registry = new Registry();

  readonly #records = new Counter({
    name: 'beacon_ingest_records_total',
    help: 'Records in batches the ingest pipeline accepted, every transport (HTTP, stream, MQTT, CAP, pull), by department, category and outcome: '
      + 'stored (appended to the log) or duplicate (already in the log; answered, not stored again).',
    labelNames: ['department', 'category', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly #refused = new Counter({
    name: 'beacon_ingest_batches_refused_total',
    help: 'Batches the ingest pipeline did not store (none of their records), by department, category ("unknown" for a name that is no category) '
      + 'and the error code the sender was answered; BEACON_INTERNAL is a failure of the server\'s own, e.g. the database.',
    labelNames: ['department', 'category', 'code'] as const,
    registers: [this.registry],
  });

  readonly #foldSeconds = new Histogram({
    name: 'beacon_fold_duration_seconds',
    help: 'Time the live engine took to fold one page of log events into live state (the reducer and the state delta), per page.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly #folded = new Counter({
    name: 'beacon_folded_events_total',
    help: 'Log events this node folded into its live state since it started (unfoldable ones included: they are passed, and counted on their own).',
    registers: [this.registry],
  });

  readonly #sentBytes = new Counter({
    name: 'beacon_hub_sent_bytes_total',
    help: 'Bytes of view snapshots and deltas this node sent to screens, as socket.io encoded them (before WebSocket framing), by view kind and message.',
    labelNames: ['view_kind', 'message'] as const,
    registers: [this.registry],
  });

  readonly #sentMessages = new Counter({
    name: 'beacon_hub_sent_messages_total',
    help: 'View snapshots and deltas this node sent to screens, by view kind and message.',
    labelNames: ['view_kind', 'message'] as const,
    registers: [this.registry],
  });

  /** For the ingest pipeline: every batch's outcome. */
  readonly ingest: IngestObserver = {
    stored: (department, category, ack) => {
      this.#records.inc({ department, category, outcome: 'stored' }, ack.accepted);
      this.#records.inc({ department, category, outcome: 'duplicate' }, ack.duplicates);
    },
    refused: (department, category, code) => {
      this.#refused.inc({ department, category, code });
    },
  };

  /** For the hub: every snapshot and delta sent, `screens` screens at once (a delta broadcast to a view's screens is counted once). */
  readonly sent = (viewKind: ViewRef['kind'], message: ViewMessage, bytes: number, screens = 1): void => {
    this.#sentBytes.inc({ view_kind: viewKind, message }, bytes * screens);
    this.#sentMessages.inc({ view_kind: viewKind, message }, screens);
  };

  /** Times the engine's folds from now on; returns the way to stop. */
  watch(engine: LiveEngine): () => void {
    const onFolded = (events: number, seconds: number) => {
      this.#foldSeconds.observe(seconds);
      this.#folded.inc(events);
    };
    engine.on('folded', onFolded);
    return () => engine.off('folded', onFolded);
  }
}
