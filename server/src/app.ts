import { fileURLToPath } from 'node:url';
import type { Database } from '@beacon/db';
import { DEFAULT_REGION_ID, regionById, type Region } from '@beacon/shared';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { registerApiDocs } from './docs/openapi.ts';
import { startLogClock } from './clock/log-clock.ts';
import { LiveEngine } from './engine/live-engine.ts';
import type { SnapshotPolicy } from './engine/snapshots.ts';
import { errorHandler } from './errors/error-handler.ts';
import { healthRoutes } from './engine/health-routes.ts';
import { refusalOptions } from './errors/framework-errors.ts';
import { attachSocketHub, type SocketHub } from './hub/socket-hub.ts';
import { httpIngest } from './ingest/http-routes.ts';
import { beaconValidatorCompiler } from './ingest/validation.ts';
import { createIngestPipeline, type IngestPipeline } from './ingest/pipeline.ts';
import { capIngest } from './ingest/cap/cap-routes.ts';
import { pullConnectors } from './ingest/pull/connector-routes.ts';
import type { MqttSourceConfig } from './ingest/mqtt/index.ts';
import { mqttSources } from './ingest/mqtt/mqtt-sources.ts';
import type { PullConnectorsOptions } from './ingest/pull/index.ts';
import { ingestRateLimit, type IngestRateLimitOptions } from './ingest/rate-limit.ts';
import { streamIngest, type StreamIngestOptions } from './ingest/websocket/stream-routes.ts';
import { serveScreen } from './screen/serve-screen.ts';
import { accessControl } from './auth/access.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { securityHeaders } from './auth/security-headers.ts';
import { AccessRevocations, tokenIsRevoked } from './auth/revocations.ts';
import { signOutRoute } from './auth/sign-out-route.ts';
import { guardNamespace } from './auth/socket-auth.ts';
import { createTokenService, loadTokenSecret, type TokenService } from './auth/tokens.ts';
import { auditRoutes } from './commands/audit-routes.ts';
import { commandRoutes } from './commands/command-routes.ts';
import { attachReplay } from './replay/replay-namespace.ts';
import { replayRoutes } from './replay/replay-routes.ts';
import { surroundingsRoutes } from './surroundings/surroundings-routes.ts';
import { EventMetrics } from './metrics/event-metrics.ts';
import { metricsRoute } from './metrics/metrics-route.ts';

export interface BeaconOptions {
  db: Database;
  /** The city; default the one shared/src/region/index.ts names (main.ts reads BEACON_REGION). */
  region?: Region;
  /** The clock; tests pass their own. Default: the log's clock (this host's, corrected to the database's). */
  now?: () => number;
  /** Built screen to serve; null to serve none. */
  screenDir?: string | null;
  hub?: { tickMs?: number; heartbeatMs?: number; resumeCapacity?: number };
  /** When the engine snapshots its state (default every SNAPSHOT_EVERY_EVENTS, 5,000); false for never. */
  snapshots?: SnapshotPolicy | false;
  /** Per-department request limits on HTTP ingest and the stream (default 600/min); false for none. */
  rateLimit?: IngestRateLimitOptions | false;
  /** The WebSocket ingest stream at /api/v1/stream. */
  stream?: Omit<StreamIngestOptions, 'sql' | 'pipeline' | 'revocations'>;
  /** Department systems that can only be polled; statuses at /api/v1/connectors. */
  pull?: Omit<PullConnectorsOptions, 'sql' | 'pipeline'>;
  /** Department MQTT brokers to subscribe to; statuses at /api/v1/mqtt-sources. */
  mqtt?: { sources: MqttSourceConfig[] };
  /** Ingest's measured alternative (ingest/store-records.ts): one lock from sequence number to commit. Only for bench:ingest. */
  appendLock?: boolean;
  auth?: {
    /** Token-signing secret (≥ 32 characters); default BEACON_TOKEN_SECRET, else one kept in the database. */
    tokenSecret?: string;
    /** Sign-in attempts per user name and address per minute (default 10). */
    signInPerMinute?: number;
    /** How often a node re-reads recent revocations in case a notification was lost (default 30 s). */
    revocationSweepMs?: number;
    /** Sign-in attempts per address per minute, whatever the user names (default 30). */
    signInPerAddressPerMinute?: number;
  };
  /** Prometheus metrics at /metrics (an admin's token, or this scrape token). */
  metrics?: {
    /** The scrape token (≥ 32 characters); default BEACON_METRICS_TOKEN; unset: admins' tokens only. */
    scrapeToken?: string;
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    engine: LiveEngine;
    hub: SocketHub;
    /** The ingest pipeline every transport feeds. */
    ingest: IngestPipeline;
    /** Issues and checks user and kiosk tokens. */
    tokens: TokenService;
    /** Ended access, announced to and heard from every node. */
    revocations: AccessRevocations;
  }
}

export const defaultScreenDir = fileURLToPath(new URL('../../screen/dist', import.meta.url));

/**
 * Beacon as a Fastify plugin: the live engine (rebuilt from the log), the ingest routes, the
 * socket hub and the screens. The process shell (main.ts) and the tests both register this.
 */
export const beacon = fp<BeaconOptions>(
  async (app, opts) => {
    const logClock = opts.now ? null : await startLogClock(opts.db.sql, { onError: (err) => app.log.warn({ err }, 'measuring the database clock failed; keeping the last offset') });
    if (logClock && Math.abs(logClock.offsetMs) > 1000) app.log.warn({ offsetMs: logClock.offsetMs }, 'this host and the database disagree on the time by over a second: check NTP on both');
    const now = opts.now ?? logClock!.now;
    const engine = new LiveEngine();
    // Counted from the first fold on: the metrics watch the engine before it starts.
    const metrics = new EventMetrics();
    const stopTimingFolds = metrics.watch(engine);
    app.addHook('onClose', async () => stopTimingFolds());
    // Folded past, never silently: the event stays in the log, its feed counts it, the log says why.
    engine.onUnfoldable = (f) => app.log.error({ seq: f.seq, reason: f.reason }, 'live engine: an event in the log cannot be folded; skipped and counted in its feed\'s health');
    await engine.start(opts.db.sql, undefined, {
      onError: (err) => app.log.error({ err }, 'live engine: reading the log or writing a snapshot failed; retrying'),
      ...(opts.snapshots !== undefined ? { snapshots: opts.snapshots } : {}),
    });
    app.decorate('engine', engine);

    await app.register(errorHandler);
    // Ended access (a user disabled, a kiosk or department key revoked, a sign-out) reaches every node
    // through PostgreSQL: open sockets and streams close; the tables refuse the credential after.
    const revocations = new AccessRevocations(opts.db.sql, {
      ...(opts.auth?.revocationSweepMs ? { sweepMs: opts.auth.revocationSweepMs } : {}),
      onError: (err) => app.log.warn({ err }, 'reading recent revocations failed; retrying'),
    });
    await revocations.start();
    app.decorate('revocations', revocations);
    app.addHook('onClose', async () => revocations.stop());
    const tokens = createTokenService(await loadTokenSecret(opts.db.sql, opts.auth?.tokenSecret), now, (id) => tokenIsRevoked(opts.db.sql, id));
    app.decorate('tokens', tokens);
    // First: every route declared after this must say who may call it.
    await app.register(accessControl, { sql: opts.db.sql, tokens });
    await app.register(securityHeaders);
    // Every body we accept is JSON; anything else gets a clear 415 rather than a confusing schema error.
    app.removeContentTypeParser('text/plain');
    // The category schemas of this region, built once here, are what ingest validates and the docs show.
    await registerApiDocs(app, opts.region ?? regionById(DEFAULT_REGION_ID));
    const pipeline = createIngestPipeline({
      sql: opts.db.sql,
      now,
      // Committed: read the log now rather than wait for the notification to come round.
      // Told before commit: the commit's NOTIFY may wake the follower before ingest hears "committed".
      onAppending: (events) => engine.expect(events),
      onAppended: () => engine.poke(),
      // Gaps this node's own transactions leave are waited for, not bounded and rechecked (engine/log-follower.ts, `own`).
      onDrawn: (seqs) => engine.own(seqs),
      onEnded: (seqs, committed) => engine.release(seqs, committed),
      observer: metrics.ingest,
      ...(opts.appendLock ? { appendLock: true } : {}),
      ...(opts.region ? { region: opts.region } : {}),
    });
    app.decorate('ingest', pipeline);
    // Before the ingest routes: it adds its hook to them as they are declared.
    if (opts.rateLimit !== false) await app.register(ingestRateLimit, { sql: opts.db.sql, ...opts.rateLimit });
    await app.register(httpIngest, { sql: opts.db.sql, pipeline, ...(opts.region ? { region: opts.region } : {}) });
    await app.register(streamIngest, { sql: opts.db.sql, pipeline, revocations, ...opts.stream });
    await app.register(pullConnectors, { sql: opts.db.sql, pipeline, connectors: [], ...opts.pull });
    await app.register(mqttSources, { sql: opts.db.sql, pipeline, sources: opts.mqtt?.sources ?? [] });
    await app.register(capIngest, { sql: opts.db.sql, pipeline, now, ...(opts.region ? { region: opts.region } : {}) });
    await app.register(healthRoutes, { engine });
    await app.register(metricsRoute, { sql: opts.db.sql, engine, hub: () => (app.hasDecorator('hub') ? app.hub : undefined), events: metrics, scrapeToken: opts.metrics?.scrapeToken });
    await app.register(replayRoutes, { sql: opts.db.sql });
    await app.register(authRoutes, { sql: opts.db.sql, tokens, revocations, ...(opts.auth?.signInPerMinute ? { signInPerMinute: opts.auth.signInPerMinute } : {}), ...(opts.auth?.signInPerAddressPerMinute ? { signInPerAddressPerMinute: opts.auth.signInPerAddressPerMinute } : {}) });
    await app.register(signOutRoute, { sql: opts.db.sql, revocations });
    await app.register(commandRoutes, { sql: opts.db.sql, engine, ...(opts.region ? { region: opts.region } : {}) });
    await app.register(auditRoutes, { sql: opts.db.sql });
    await app.register(surroundingsRoutes, { now, ...(opts.region ? { region: opts.region } : {}) });
    if (opts.screenDir !== null) await serveScreen(app, opts.screenDir ?? defaultScreenDir);

    const hub = attachSocketHub(app.server, engine, { now, onSent: metrics.sent, ...opts.hub, ...(opts.region ? { region: opts.region } : {}) });
    app.decorate('hub', hub);
    for (const name of ['/', '/replay'] as const) guardNamespace(hub.io.of(name), name, { sql: opts.db.sql, tokens, now, revocations });
    attachReplay(hub.io as never, opts.db.sql, (err) => app.log.error({ err }, 'replay failed'));
    app.addHook('preClose', async () => hub.close());
    app.addHook('onClose', async () => engine.stop());
    app.addHook('onClose', async () => logClock?.stop());
  },
  { name: 'beacon', fastify: '5.x' },
);

/** Fastify with Beacon's validation policy: report every problem, coerce nothing, drop nothing silently. */
export function createFastify(options: FastifyServerOptions = {}): FastifyInstance {
  const app = Fastify({
    // Refusals made before routing (bad URL encoding, over-long URL parts, requests Node's HTTP
    // parser rejects) answer with Beacon's error body and its issues, like every other refusal.
    ...refusalOptions,
    ...options,
  });
  // Beacon's Ajv (server/src/ingest/validation.ts): the shared RFC 3339 reader for date-time and the
  // text rule (no NUL, no lone surrogate) on every route's input, as the ingest transports have them.
  app.setValidatorCompiler(beaconValidatorCompiler);
  return app;
}

/**
 * The app, ready and current: its live state holds everything committed before it started. The
 * process shell listens before that (buildApp with `{ current: false }`), so that health can say how
 * far behind a starting node is.
 */
export async function buildApp(
  opts: BeaconOptions,
  fastifyOptions: FastifyServerOptions = {},
  { current = true }: { current?: boolean } = {},
): Promise<FastifyInstance> {
  const app = createFastify(fastifyOptions);
  await app.register(beacon, opts);
  await app.ready();
  if (current) await app.engine.whenCurrent();
  return app;
}

