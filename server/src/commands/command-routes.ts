import type { Sql } from '@beacon/db';
import { xiamen, type CommandRequest, type Region } from '@beacon/shared';
import type { FastifyPluginAsync } from 'fastify';
import { OPERATORS } from '../auth/access.ts';
import type { LiveEngine } from '../engine/live-engine.ts';
import { InputError } from '../errors/input-error.ts';
import { ErrorResponse } from '../ingest/ingest-response.ts';
import { CommandAccepted, commandBodySchema } from './command-schema.ts';
import { SerialQueue } from './serial-queue.ts';
import { storeCommand } from './store-command.ts';

export interface CommandRoutesOptions {
  sql: Sql;
  engine: LiveEngine;
  region?: Region;
}

/** POST /api/v1/commands: the console's and the tablet's commands, each checked, logged and audited. */
export const commandRoutes: FastifyPluginAsync<CommandRoutesOptions> = async (app, { sql, engine, region = xiamen }) => {
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
      response: { 200: CommandAccepted, 201: CommandAccepted, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
    },
  }, async (req, reply) => {
    const outcome = await serial.run(() => storeCommand(sql, engine, req.principal!.actor, req.body as CommandRequest));
    if (!outcome.ok) throw new InputError(outcome.refusal.statusCode, outcome.refusal.code, outcome.refusal.message, outcome.refusal.issues);
    // Fold it before answering: whoever reads this node's state after the answer sees the command.
    if (!outcome.duplicate) engine.poke([outcome.event]);
    await engine.catchUp();
    return reply.code(outcome.duplicate ? 200 : 201).send({
      commandId: outcome.event.commandId, seq: outcome.event.seq, at: Date.parse(outcome.event.receivedAt), duplicate: outcome.duplicate,
    });
  });
};
