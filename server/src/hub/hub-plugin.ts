import fp from 'fastify-plugin';
import { guardNamespace } from '../auth/socket-auth.ts';
import { attachSocketHub, type HubOptions, type SocketHub } from './socket-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Screens' sockets: view subscriptions over socket.io. */
    hub: SocketHub;
  }
}

export type HubPluginOptions = Pick<HubOptions, 'tickMs' | 'heartbeatMs' | 'resumeCapacity'>;

/** The socket hub on the app's HTTP server, its namespace guarded; its sockets close before the server does. */
export const hubPlugin = fp<HubPluginOptions>(
  async (app, opts) => {
    const hub = attachSocketHub(app.server, app.engine, { ...opts, now: app.clock.now, region: app.region, onSent: app.eventMetrics.sent });
    app.decorate('hub', hub);
    guardNamespace(hub.io.of('/'), '/', { sql: app.db.sql, tokens: app.tokens, now: app.clock.now, revocations: app.revocations });
    app.addHook('preClose', async () => hub.close());
  },
  {
    name: 'beacon-hub',
    dependencies: ['beacon-core', 'beacon-engine', 'beacon-credentials'],
    decorators: { fastify: ['db', 'region', 'clock', 'engine', 'eventMetrics', 'tokens', 'revocations'] },
  },
);
