import type { CommandRequest } from '@beacon/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { OPERATORS } from '../auth/access.ts';
import { InputError } from '../errors/input-error.ts';
import { ErrorBody } from '@beacon/shared/schemas.ts';
import { CommandAccepted, commandBodySchema } from './command-schema.ts';
import { SerialQueue } from './serial-queue.ts';
import { storeCommand } from './store-command.ts';

/** POST /api/v1/commands: the console's and the tablet's commands, each checked, logged and audited. */
const commandRoutesPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { engine, region } = app;
  const { sql } = app.db;
  // One command of this node at a time holds a connection (and waits for the cross-node lock).
  const serial = new SerialQueue();
  app.post('/api/v1/commands', {
    config: { access: OPERATORS },
    schema: {
      operationId: 'issueCommand',
      tags: ['commands'],
      summary: 'Issue a command: response level, forward post and its milestones, dispatch or release a team, acknowledge an incident, put a view on the wall',
      description: 'Each command is checked against current state (e.g. a team committed elsewhere is refused with 409 and the reason), '
        + 'logged as an event with who, when and why, and audited. Retrying with the same commandId returns the first answer.',
      body: commandBodySchema(region),
      response: { 200: CommandAccepted, 201: CommandAccepted, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
    },
  }, async (req, reply) => {
    const outcome = await serial.run(() => storeCommand(sql, engine, req.principal!.actor, req.body));
    if (!outcome.ok) throw new InputError(outcome.refusal.statusCode, outcome.refusal.code, outcome.refusal.message, outcome.refusal.issues);
    // Fold it before answering: whoever reads this node's state after the answer sees the command.
    if (!outcome.duplicate) engine.poke([outcome.event]);
    await engine.catchUp();
    return reply.code(outcome.duplicate ? 200 : 201).send({
      commandId: outcome.event.commandId, seq: outcome.event.seq, at: Date.parse(outcome.event.receivedAt), duplicate: outcome.duplicate,
    });
  });
};

export const commandRoutes = fp(commandRoutesPlugin, {
  name: 'beacon-command-routes',
  dependencies: ['beacon-core', 'beacon-engine', 'beacon-access-control'],
  decorators: { fastify: ['db', 'region', 'engine'] },
  encapsulate: true,
});
