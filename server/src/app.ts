import { fileURLToPath } from 'node:url';
import type { Database } from '@beacon/db';
import type { Region } from '@beacon/shared';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { registerApiDocs } from './docs/openapi.ts';
import { core } from './core/core-plugin.ts';
import { enginePlugin } from './engine/engine-plugin.ts';
import type { SnapshotPolicy } from './engine/snapshots.ts';
import { errorHandler } from './errors/error-handler.ts';
import { healthRoutes } from './engine/health-routes.ts';
import { refusalOptions } from './errors/framework-errors.ts';
import { hubPlugin, type HubPluginOptions } from './hub/hub-plugin.ts';
import { httpIngest } from './ingest/http-routes.ts';
import { beaconValidatorCompiler } from './validation/ajv-policy.ts';
import { ingestPlugin } from './ingest/ingest-plugin.ts';
import { capIngest } from './ingest/cap/cap-routes.ts';
import { pullConnectors } from './ingest/pull/connector-routes.ts';
import type { MqttSourceConfig } from './ingest/mqtt/index.ts';
import { mqttSources } from './ingest/mqtt/mqtt-sources.ts';
import type { PullConnectorsOptions } from './ingest/pull/index.ts';
import { ingestRateLimit, type IngestRateLimitOptions } from './ingest/rate-limit.ts';
import { streamIngest, type StreamIngestOptions } from './ingest/websocket/stream-routes.ts';
import { serveScreen } from './screen-assets/serve-screen.ts';
import { accessControl } from './auth/access.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { credentials } from './auth/credentials-plugin.ts';
import { securityHeaders } from './auth/security-headers.ts';
import { signOutRoute } from './auth/sign-out-route.ts';
import { auditRoutes } from './commands/audit-routes.ts';
import { commandRoutes } from './commands/command-routes.ts';
import { replayNamespace } from './replay/replay-namespace.ts';
import { replayRoutes } from './replay/replay-routes.ts';
import { surroundingsRoutes } from './surroundings/surroundings-routes.ts';
import { metricsRoute } from './metrics/metrics-route.ts';

export interface BeaconOptions {
  db: Database;
  /** The city; default the one shared/src/region/index.ts names (main.ts reads BEACON_REGION). */
  region?: Region;
  /** The clock; tests pass their own. Default: the log's clock (this host's, corrected to the database's). */
  now?: () => number;
  /** Built screen to serve; null to serve none. */
  screenDir?: string | null;
  hub?: HubPluginOptions;
  /** When the engine snapshots its state (default every SNAPSHOT_EVERY_EVENTS, 10,000); false for never. */
  snapshots?: SnapshotPolicy | false;
  /** Per-department request limits on HTTP ingest and the stream (default 600/min); false for none. */
  rateLimit?: IngestRateLimitOptions | false;
  /** The WebSocket ingest stream at /api/v1/stream. */
  stream?: StreamIngestOptions;
  /** Department systems that can only be polled; statuses at /api/v1/connectors. */
  pull?: Omit<PullConnectorsOptions, 'sql' | 'pipeline' | 'log'>;
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

export const defaultScreenDir = fileURLToPath(new URL('../../screen/dist', import.meta.url));

/**
 * Beacon as a Fastify plugin: its capabilities registered as named plugins, each declaring what it
 * depends on and reading the database, the region, the clock and the engine from the app's
 * decorators (server/src/core/core-plugin.ts). The process shell (main.ts) and the tests both register this.
 */
export const beacon = fp<BeaconOptions>(
  async (app, opts) => {
    await app.register(core, { db: opts.db, region: opts.region, now: opts.now });
    await app.register(enginePlugin, { snapshots: opts.snapshots });
    await app.register(errorHandler);
    await app.register(credentials, { tokenSecret: opts.auth?.tokenSecret, revocationSweepMs: opts.auth?.revocationSweepMs });
    // First: every route declared after this must say who may call it.
    await app.register(accessControl);
    await app.register(securityHeaders);
    // Every body we accept is JSON; anything else gets a clear 415 rather than a confusing schema error.
    app.removeContentTypeParser('text/plain');
    // The category schemas of this region, built once at start, are what ingest validates and the docs show.
    await registerApiDocs(app, app.region);
    await app.register(ingestPlugin, { appendLock: opts.appendLock });
    // Before the ingest routes: it adds its hook to them as they are declared.
    if (opts.rateLimit !== false) await app.register(ingestRateLimit, { ...opts.rateLimit });
    await app.register(httpIngest);
    await app.register(streamIngest, { ...opts.stream });
    await app.register(pullConnectors, { connectors: [], ...opts.pull });
    await app.register(mqttSources, { sources: opts.mqtt?.sources ?? [] });
    await app.register(capIngest);
    await app.register(healthRoutes);
    await app.register(metricsRoute, { scrapeToken: opts.metrics?.scrapeToken });
    await app.register(replayRoutes);
    await app.register(authRoutes, {
      ...(opts.auth?.signInPerMinute ? { signInPerMinute: opts.auth.signInPerMinute } : {}),
      ...(opts.auth?.signInPerAddressPerMinute ? { signInPerAddressPerMinute: opts.auth.signInPerAddressPerMinute } : {}),
    });
    await app.register(signOutRoute);
    await app.register(commandRoutes);
    await app.register(auditRoutes);
    await app.register(surroundingsRoutes);
    if (opts.screenDir !== null) await serveScreen(app, opts.screenDir ?? defaultScreenDir);
    // Last: the sockets share the HTTP server with the stream's upgrade router, declared above.
    await app.register(hubPlugin, { ...opts.hub });
    await app.register(replayNamespace);
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
  // Beacon's Ajv (server/src/validation/ajv-policy.ts): the shared RFC 3339 reader for date-time and the
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

