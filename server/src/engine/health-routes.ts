import type { FastifyPluginAsync } from 'fastify';
import Type from 'typebox';
import type { LiveEngine } from './live-engine.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('catching-up'), Type.Literal('database-unreachable')], {
    description: '`ok`: the database answers and this node has folded everything committed before it started; '
      + '`catching-up`: it is still folding the log it started with; `database-unreachable`: the log cannot be read.',
  }),
  seq: Type.Integer({ description: 'The newest log sequence folded into this node\'s live state' }),
  head: Type.Optional(Type.Integer({ description: 'The newest sequence visible in the log' })),
  behind: Type.Optional(Type.Integer({ description: 'Sequence numbers between the two (numbers that never committed included)' })),
  unfoldable: Type.Integer({
    description: 'Events this node could not fold since it started (each logged, and counted in its feed\'s health on every screen); the rest were folded',
  }),
});

/**
 * GET /api/v1/health: 200 only when this node is current — the database answers and the log as of
 * the node's start is folded in — otherwise 503, saying how far behind it is. A load balancer sends
 * screens only to a node that shows the log.
 */
export const healthRoutes: FastifyPluginAsync<{ engine: LiveEngine }> = async (app, { engine }) => {
  app.get('/api/v1/health', {
    config: { access: 'public' },
    schema: {
      operationId: 'getHealth',
      tags: ['reference'],
      summary: 'Readiness: is this node current with the log, and how far behind is it',
      response: { 200: Health, 503: Health },
    },
  }, async (req, reply) => {
    try {
      const lag = await engine.lag();
      const body = { status: lag.current ? 'ok' as const : 'catching-up' as const, seq: lag.seq, head: lag.head, behind: lag.behind, unfoldable: engine.unfoldable.count };
      return reply.code(lag.current ? 200 : 503).send(body);
    } catch (err) {
      req.log.warn({ err }, 'health: the log could not be read');
      return reply.code(503).send({ status: 'database-unreachable' as const, seq: engine.state.seq, unfoldable: engine.unfoldable.count });
    }
  });
};
