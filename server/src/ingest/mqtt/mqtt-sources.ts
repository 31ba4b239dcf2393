import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { STAFF } from '../../auth/access.ts';
import { checkConfig, startMqttIngest, type MqttIngest, type MqttSourceConfig, type MqttStatus } from './index.ts';

export interface MqttSourcesOptions {
  /** Department brokers to subscribe to; none by default. */
  sources: MqttSourceConfig[];
}

const MqttSourceStatus = Type.Object({
  department: Type.String(),
  url: Type.String({ description: 'The broker, without user name or password' }),
  clientId: Type.String(),
  state: Type.Enum(['connecting', 'connected', 'reconnecting', 'error', 'stopped']),
  since: Type.String({ format: 'date-time' }),
  lastConnectedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastMessageAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastError: Type.Union([Type.Object({ at: Type.String({ format: 'date-time' }), message: Type.String() }), Type.Null()]),
  messages: Type.Object({ stored: Type.Integer(), duplicate: Type.Integer(), refused: Type.Integer(), failed: Type.Integer() }),
  deadLetters: Type.Object({
    count: Type.Integer({ description: 'Messages answered, acknowledged and set aside because no retry could store them' }),
    recent: Type.Array(Type.Object({
      topic: Type.String(),
      at: Type.String({ format: 'date-time' }),
      reason: Type.String({ description: 'What failed, as the server saw it' }),
      bytes: Type.Integer(),
    }), { description: 'The newest few, newest first' }),
  }),
});

/** GET /api/v1/mqtt-sources: each broker link's state, for the duty officer and whoever runs the server. */
const mqttSourceRoutes: FastifyPluginAsyncTypebox<{ statuses: () => MqttStatus[] }> = async (app, { statuses }) => {
  app.get('/api/v1/mqtt-sources', {
    config: { access: STAFF },
    schema: {
      operationId: 'listMqttSources',
      tags: ['reference'],
      summary: 'MQTT sources: each department broker link, its state, last message, last error and message counts',
      response: { 200: Type.Object({ sources: Type.Array(MqttSourceStatus) }) },
    },
  }, async () => ({ sources: statuses() }));
};

/**
 * The department brokers Beacon subscribes to, as part of the app: configuration checked at
 * registration (a bad source stops the start, naming every problem), links opened once the app is
 * ready and closed with it — a message being stored finishes first.
 */
export const mqttSources = fp<MqttSourcesOptions>(
  async (app, opts) => {
    for (const source of opts.sources) checkConfig(source);
    let running: MqttIngest[] = [];
    await app.register(mqttSourceRoutes, { statuses: () => running.map((m) => m.status()) });
    app.addHook('onReady', async () => {
      running = opts.sources.map((s) => startMqttIngest({ ...s, sql: app.db.sql, pipeline: app.ingest, log: app.log }));
    });
    app.addHook('onClose', async () => {
      await Promise.all(running.map((m) => m.stop()));
    });
  },
  { name: 'beacon-mqtt-sources', dependencies: ['beacon-core', 'beacon-ingest', 'beacon-access-control'], decorators: { fastify: ['db', 'ingest'] } },
);
