import { fileURLToPath } from 'node:url';
import type { Database } from '@beacon/db';
import type { Region } from '@beacon/shared';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { registerApiDocs } from './docs/openapi.ts';
import { startLogClock } from './clock/log-clock.ts';
import { LiveEngine } from './engine/live-engine.ts';
import type { SnapshotPolicy } from './engine/snapshots.ts';
import { errorHandler } from './errors/error-handler.ts';
import { refusalOptions } from './errors/framework-errors.ts';
import { attachSocketHub, type SocketHub } from './hub/socket-hub.ts';
import { httpIngest } from './ingest/http-routes.ts';
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
import { AccessRevocations } from './auth/revocations.ts';
import { guardNamespace } from './auth/socket-auth.ts';
import { createTokenService, loadTokenSecret, type TokenService } from './auth/tokens.ts';
import { auditRoutes } from './commands/audit-routes.ts';
import { commandRoutes } from './commands/command-routes.ts';
import { attachReplay } from './replay/replay-namespace.ts';
import { replayRoutes } from './replay/replay-routes.ts';
import { surroundingsRoutes } from './surroundings/surroundings-routes.ts';

export interface BeaconOptions {
  db: Database;
  region?: Region;
  /** The clock; tests pass their own. Default: the log's clock (this host's, corrected to the database's). */
  now?: () => number;
  /** Built screen to serve; null to serve none. */
  screenDir?: string | null;
  hub?: { tickMs?: number; heartbeatMs?: number; resumeCapacity?: number };
  /** When the engine snapshots its state (default every 20,000 events); false for never. */
  snapshots?: SnapshotPolicy | false;
  /** Per-department request limits on HTTP ingest and the stream (default 600/min); false for none. */
  rateLimit?: IngestRateLimitOptions | false;
  /** The WebSocket ingest stream at /api/v1/stream. */
  stream?: Omit<StreamIngestOptions, 'sql' | 'pipeline'>;
  /** Department systems that can only be polled; statuses at /api/v1/connectors. */
  pull?: Omit<PullConnectorsOptions, 'sql' | 'pipeline'>;
  /** Department MQTT brokers to subscribe to; statuses at /api/v1/mqtt-sources. */
  mqtt?: { sources: MqttSourceConfig[] };
  auth?: {
    /** Token-signing secret (≥ 32 characters); default BEACON_TOKEN_SECRET, else one kept in the database. */
    tokenSecret?: string;
    /** Sign-in attempts per user name and address per minute (default 10). */
    signInPerMinute?: number;
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
    await engine.start(opts.db.sql, undefined, {
      onError: (err) => app.log.error({ err }, 'live engine: reading the log or writing a snapshot failed; retrying'),
      ...(opts.snapshots !== undefined ? { snapshots: opts.snapshots } : {}),
    });
    app.decorate('engine', engine);

    await app.register(errorHandler);
    const tokens = createTokenService(await loadTokenSecret(opts.db.sql, opts.auth?.tokenSecret), now);
    app.decorate('tokens', tokens);
    // First: every route declared after this must say who may call it.
    await app.register(accessControl, { sql: opts.db.sql, tokens });
    await app.register(securityHeaders);
    // Every body we accept is JSON; anything else gets a clear 415 rather than a confusing schema error.
    app.removeContentTypeParser('text/plain');
    await registerApiDocs(app);
    const pipeline = createIngestPipeline({
      sql: opts.db.sql,
      now,
      // Committed: read the log now rather than wait for the notification to come round.
      onAppended: (events) => engine.poke(events),
      ...(opts.region ? { region: opts.region } : {}),
    });
    app.decorate('ingest', pipeline);
    // Before the ingest routes: it adds its hook to them as they are declared.
    if (opts.rateLimit !== false) await app.register(ingestRateLimit, { sql: opts.db.sql, ...opts.rateLimit });
    await app.register(httpIngest, { sql: opts.db.sql, pipeline, ...(opts.region ? { region: opts.region } : {}) });
    await app.register(streamIngest, { sql: opts.db.sql, pipeline, ...opts.stream });
    await app.register(pullConnectors, { sql: opts.db.sql, pipeline, connectors: [], ...opts.pull });
    await app.register(mqttSources, { sql: opts.db.sql, pipeline, sources: opts.mqtt?.sources ?? [] });
    await app.register(capIngest, { sql: opts.db.sql, pipeline, now, ...(opts.region ? { region: opts.region } : {}) });
    app.get('/api/v1/health', { config: { access: 'public' }, schema: { tags: ['reference'], summary: 'Liveness and the newest log sequence' } }, async () => ({
      status: 'ok',
      seq: engine.state.seq,
    }));
    await app.register(replayRoutes, { sql: opts.db.sql });
    const revocations = new AccessRevocations();
    await app.register(authRoutes, { sql: opts.db.sql, tokens, revocations, ...(opts.auth?.signInPerMinute ? { signInPerMinute: opts.auth.signInPerMinute } : {}) });
    await app.register(commandRoutes, { sql: opts.db.sql, engine, ...(opts.region ? { region: opts.region } : {}) });
    await app.register(auditRoutes, { sql: opts.db.sql });
    await app.register(surroundingsRoutes, { now, ...(opts.region ? { region: opts.region } : {}) });
    if (opts.screenDir !== null) await serveScreen(app, opts.screenDir ?? defaultScreenDir);

    const hub = attachSocketHub(app.server, engine, { now, ...opts.hub, ...(opts.region ? { region: opts.region } : {}) });
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
  return Fastify({
    // Refusals made before routing (bad URL encoding, over-long URL parts, requests Node's HTTP
    // parser rejects) answer with Beacon's error body and its issues, like every other refusal.
    ...refusalOptions,
    ...options,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false } },
  });
}

export async function buildApp(opts: BeaconOptions, fastifyOptions: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = createFastify(fastifyOptions);
  await app.register(beacon, opts);
  await app.ready();
  return app;
}

