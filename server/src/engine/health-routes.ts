import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { Health, readiness } from './readiness.ts';

const Alive = Type.Object({ status: Type.Literal('alive', { description: 'The process answers; nothing else was checked' }) });

/**
 * Liveness and readiness, for a load balancer or an orchestrator.
 * - GET /api/v1/live: the process answers HTTP. No database, no log: a node that is catching up or
 *   has lost its database is alive (restarting it would not help), just not ready.
 * - GET /api/v1/ready: 200 only when this node is current — the database answers and the log as of
 *   the node's start is folded in — otherwise 503, saying how far behind it is. A load balancer sends
 *   screens only to a node that shows the log. GET /api/v1/health gives the same answer (the name it
 *   had first; existing probes keep working).
 */
const healthRoutesPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { engine } = app;
  app.get('/api/v1/live', {
    config: { access: 'public' },
    schema: { operationId: 'getLiveness', tags: ['reference'], summary: 'Liveness: the process answers (the database is not asked)', response: { 200: Alive } },
  }, async () => ({ status: 'alive' as const }));

  const ready = async (req: FastifyRequest, reply: FastifyReply) => {
    const answer = await readiness(engine);
    if (answer.error) req.log.warn({ err: answer.error }, 'readiness: the log could not be read');
    return reply.code(answer.ready ? 200 : 503).send(answer.health);
  };
  for (const [url, operationId, summary] of [
    ['/api/v1/ready', 'getReadiness', 'Readiness: is this node current with the log, and how far behind is it'],
    ['/api/v1/health', 'getHealth', 'Readiness, as /api/v1/ready (kept for existing probes)'],
  ] as const) {
    app.get(url, {
      config: { access: 'public' },
      schema: { operationId, tags: ['reference'], summary, response: { 200: Health, 503: Health } },
    }, ready);
  }
};

export const healthRoutes = fp(healthRoutesPlugin, { name: 'beacon-health-routes', dependencies: ['beacon-engine', 'beacon-access-control'], decorators: { fastify: ['engine'] }, encapsulate: true });
