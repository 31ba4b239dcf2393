import type { Sql } from '@beacon/db';
import type { FastifyPluginAsync } from 'fastify';
import { Registry } from 'prom-client';
import Type from 'typebox';
import { ADMINS } from '../auth/access.ts';
import type { LiveEngine } from '../engine/live-engine.ts';
import type { SocketHub } from '../hub/socket-hub.ts';
import type { EventMetrics } from './event-metrics.ts';
import { processMetrics } from './process-metrics.ts';
import { ScrapeGauges } from './scrape-gauges.ts';
import { scrapeToken } from './scrape-token.ts';

export interface MetricsRouteOptions {
  sql: Sql;
  engine: LiveEngine;
  /** The hub is attached after the routes are declared: asked at each scrape. */
  hub: () => SocketHub | undefined;
  events: EventMetrics;
  /** The scrape token (≥ 32 characters); default BEACON_METRICS_TOKEN; unset: admins' tokens only. */
  scrapeToken?: string | undefined;
}

/**
 * GET /metrics: this node's series in Prometheus' text format. Not public — the series name
 * departments, their volumes and refusals, and the node's load: an admin's token, or the scrape
 * token Prometheus is configured with (`authorization: { credentials: … }` in its scrape config).
 */
export const metricsRoute: FastifyPluginAsync<MetricsRouteOptions> = async (app, opts) => {
  const machineToken = scrapeToken(opts.scrapeToken ?? process.env.BEACON_METRICS_TOKEN);
  const gauges = new ScrapeGauges();
  const registries = [opts.events.registry, gauges.registry, processMetrics()];

  app.get('/metrics', {
    config: { access: ADMINS, ...(machineToken ? { machineToken } : {}) },
    schema: {
      operationId: 'getMetrics',
      tags: ['reference'],
      summary: 'Prometheus metrics of this node (text exposition format 0.0.4)',
      description: 'Ingest records and refusals, log follower lag, fold time, snapshot age, unfoldable events, screens by view, bytes sent, '
        + 'event-loop delay, database connections. The series are listed in the README, "Watching it run".',
      produces: [Registry.PROMETHEUS_CONTENT_TYPE],
      response: { 200: Type.String({ description: 'The series, one per line, each with its HELP and TYPE' }) },
    },
  }, async (_req, reply) => {
    await gauges.refresh({ sql: opts.sql, engine: opts.engine, hub: opts.hub });
    const texts = await Promise.all(registries.map((r) => r.metrics()));
    return reply.type(Registry.PROMETHEUS_CONTENT_TYPE).send(texts.join(''));
  });
};
