import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { Registry } from 'prom-client';
import Type from 'typebox';
import { ADMINS } from '../auth/access.ts';
import { processMetrics } from './process-metrics.ts';
import { ScrapeGauges } from './scrape-gauges.ts';
import { scrapeToken } from './scrape-token.ts';

export interface MetricsRouteOptions {
  /** The scrape token (≥ 32 characters); default BEACON_METRICS_TOKEN; unset: admins' tokens only. */
  scrapeToken?: string | undefined;
}

/**
 * GET /metrics: this node's series in Prometheus' text format. Not public — the series name
 * departments, their volumes and refusals, and the node's load: an admin's token, or the scrape
 * token Prometheus is configured with (`authorization: { credentials: … }` in its scrape config).
 */
const metricsRoutePlugin: FastifyPluginAsyncTypebox<MetricsRouteOptions> = async (app, opts) => {
  const machineToken = scrapeToken(opts.scrapeToken ?? process.env.BEACON_METRICS_TOKEN);
  const gauges = new ScrapeGauges();
  const registries = [app.eventMetrics.registry, gauges.registry, processMetrics()];

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
    // The hub is registered after the routes are declared: asked at each scrape.
    await gauges.refresh({ sql: app.db.sql, engine: app.engine, hub: () => (app.hasDecorator('hub') ? app.hub : undefined) });
    const texts = await Promise.all(registries.map((r) => r.metrics()));
    return reply.type(Registry.PROMETHEUS_CONTENT_TYPE).send(texts.join(''));
  });
};

export const metricsRoute = fp(metricsRoutePlugin, {
  name: 'beacon-metrics-route',
  dependencies: ['beacon-core', 'beacon-engine', 'beacon-access-control'],
  decorators: { fastify: ['db', 'engine', 'eventMetrics'] },
  encapsulate: true,
});
