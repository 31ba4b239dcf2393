import type { Sql } from '@beacon/db';
import { canonicalJson, checkCommand, type Actor, type CommandIssued, type CommandRefusal, type CommandRequest } from '@beacon/shared';
import type { LiveEngine } from '../engine/live-engine.ts';
import { recordAudit } from '../auth/audit-log.ts';
import { appendEvent } from '../engine/append-event.ts';

// One lock for all commands, on every node: each command is checked against the state that
// includes every earlier command, so two commanders cannot both commit the same team.
const COMMAND_LOCK_ID = 0x6265_6364; // "becd"

export type CommandOutcome =
  | { ok: true; event: CommandIssued; duplicate: boolean }
  | { ok: false; refusal: CommandRefusal };

/** What a command is filed under in the log (its entity): the thing it acts on. */
export function commandTarget(r: CommandRequest): string {
  const c = r.command;
  switch (c.kind) {
    case 'response.set': return 'response';
    case 'post.order': case 'post.milestone': return c.postId;
    case 'team.dispatch': case 'team.release': return c.teamId;
    case 'incident.acknowledge': return c.incidentId;
    case 'wall.focus': case 'wall.replay': case 'wall.live': case 'wall.layers': return 'wall';
  }
}

/**
 * Checks and logs a command in one transaction under the command lock: a retry with the same id
 * returns the first outcome; the same id with a different command is refused; otherwise the
 * command is checked against the engine's state once it has folded every earlier command.
 */
export async function storeCommand(sql: Sql, engine: LiveEngine, actor: Actor, request: CommandRequest): Promise<CommandOutcome> {
  const dedupeKey = `command:${request.commandId}`;
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${COMMAND_LOCK_ID})`;
    const [earlier] = await tx<{ seq: string; received_at: Date; payload: { actor: Actor; command: unknown; reason: string } }[]>`
      select seq, received_at, payload from events where dedupe_key = ${dedupeKey}`;
    if (earlier) {
      const same = earlier.payload.actor.id === actor.id && canonicalJson(earlier.payload.command) === canonicalJson(request.command);
      if (!same) {
        return { ok: false, refusal: {
          statusCode: 409, code: 'BEACON_COMMAND_ID_REUSED', message: `command id ${request.commandId} was used for a different command`,
          issues: [{ path: '/commandId', expected: 'a new id for a new command (the same id only to retry the same command)', got: request.commandId }],
        } } as const;
      }
      return { ok: true, duplicate: true, event: eventOf(Number(earlier.seq), earlier.received_at, actor, request) } as const;
    }
    // Every command committed before we took the lock is in the log; fold up to it before checking.
    await engine.catchUp();
    const refusal = checkCommand(engine.state, actor.role, request.command);
    if (refusal) {
      await recordAudit(tx as unknown as Sql, { actor, action: request.command.kind, target: commandTarget(request), outcome: 'refused', reason: request.reason, details: { command: request.command, refusal: refusal.message } });
      return { ok: false, refusal } as const;
    }
    const payload = { commandId: request.commandId, actor, reason: request.reason, command: request.command };
    const { seq, receivedAt } = await appendEvent(tx as unknown as Sql, {
      type: 'command.issued', department: 'command', category: 'command', entityId: commandTarget(request),
      dedupeKey, sourceId: actor.id, payload: payload as never,
    });
    await recordAudit(tx as unknown as Sql, { actor, action: request.command.kind, target: commandTarget(request), outcome: 'ok', reason: request.reason, seq, details: { command: request.command, commandId: request.commandId } });
    return { ok: true, duplicate: false, event: eventOf(seq, receivedAt, actor, request) } as const;
  });
}

function eventOf(seq: number, receivedAt: Date, actor: Actor, r: CommandRequest): CommandIssued {
  return { type: 'command.issued', seq, receivedAt: receivedAt.toISOString(), commandId: r.commandId, actor, reason: r.reason, command: r.command };
}
