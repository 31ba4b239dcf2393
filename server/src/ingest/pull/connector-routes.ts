import { STAFF } from '../../auth/access.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { startPullConnectors, type ConnectorStatus, type PullConnectors, type PullConnectorsOptions } from './index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The pull connectors' statuses, for the live engine and the wall. */
    connectors: Pick<PullConnectors, 'statuses'>;
  }
}

/** GET /api/v1/connectors: every pull connector's status. */
export const connectorStatusRoutes: FastifyPluginAsyncTypebox<{ statuses: () => ConnectorStatus[] }> = async (app, opts) => {
  app.get(
    '/api/v1/connectors',
    { config: { access: STAFF }, schema: { operationId: 'listPullConnectors', tags: ['reference'], summary: 'Pull connectors: state, last success, last error, next poll' } },
    async () => ({ connectors: opts.statuses() }),
  );
};

/** Starts the connectors once the app is ready, stops them (and waits for a poll storing) on close. */
export const pullConnectors = fp<Omit<PullConnectorsOptions, 'log' | 'sql' | 'pipeline'>>(
  async (app, opts) => {
    let running: PullConnectors | null = null;
    app.decorate('connectors', { statuses: () => running?.statuses() ?? [] });
    await app.register(connectorStatusRoutes, { statuses: () => app.connectors.statuses() });
    app.addHook('onReady', async () => {
      running = startPullConnectors({ ...opts, sql: app.db.sql, pipeline: app.ingest, log: app.log });
    });
    app.addHook('onClose', async () => running?.stop());
  },
  { name: 'beacon-pull-connectors', dependencies: ['beacon-core', 'beacon-ingest', 'beacon-access-control'], decorators: { fastify: ['db', 'ingest'] } },
);
