import type { Role } from '../auth/roles.ts';
import type { ErrorCode } from '../errors/codes.ts';
import type { Refusal } from '../errors/error-body.schema.ts';
import { latestRecord, type LiveState } from '../state/live-state.ts';
import { own } from '../util/dict.ts';
import { commandRoles, type Command } from './command.ts';
import type { Stamp } from './command-state.ts';
import { teamCommitment } from './forces.ts';

/** Why a command cannot be carried out now: a refusal with the HTTP status it answers with (the path points into the request body). */
export type CommandRefusal = Refusal & { statusCode: 403 | 404 | 409 | 422 };

const when = (s: Stamp) => `${s.by.name} at ${new Date(s.at).toISOString()}`;

/**
 * Checks a command against the state it would change. Pure: the server calls it with the state as
 * of the newest command (commands are serialised), the console to explain a disabled button.
 */
export function checkCommand(state: LiveState, role: Role, c: Command): CommandRefusal | null {
  const allowed = own(commandRoles, c.kind) ?? [];
  if (!allowed.includes(role)) {
    return refuse(403, 'BEACON_FORBIDDEN', `the ${role} role may not issue ${c.kind}`, '/command/kind', `a command for one of: ${allowed.join(', ')}`, c.kind);
  }
  const incident = (id: string, path: string) => {
    const rec = latestRecord(state, 'incident', id);
    if (!rec) return refuse(404, 'BEACON_UNKNOWN_INCIDENT', `no incident "${id}"`, path, 'the incidentId of a reported incident', id);
    if (rec.data.status === 'closed') return refuse(409, 'BEACON_INCIDENT_CLOSED', `incident "${id}" is closed`, path, 'an open incident', id);
    return null;
  };
  switch (c.kind) {
    case 'response.set': {
      const current = state.command.response.level;
      if (current === c.level) {
        return refuse(409, 'BEACON_NO_CHANGE', `the response level is already ${c.level ?? 'none'}`, '/command/level', `a level other than the current ${current ?? 'none'}`, c.level);
      }
      return null;
    }
    case 'post.order': {
      if (own(state.command.posts, c.postId)) {
        return refuse(409, 'BEACON_POST_EXISTS', `forward post "${c.postId}" already exists`, '/command/postId', 'a new post id', c.postId);
      }
      const running = Object.values(state.command.posts).find((p) => p.incidentId === c.incidentId);
      if (running) {
        return refuse(409, 'BEACON_POST_EXISTS', `incident "${c.incidentId}" already has forward post "${running.postId}" (ordered by ${when(running.ordered)})`,
          '/command/incidentId', 'an incident without a forward post', c.incidentId);
      }
      return incident(c.incidentId, '/command/incidentId');
    }
    case 'post.milestone': {
      const post = own(state.command.posts, c.postId);
      if (!post) return refuse(404, 'BEACON_UNKNOWN_POST', `no forward post "${c.postId}"`, '/command/postId', 'the postId of an ordered post', c.postId);
      const marked = own(post.milestones, c.milestone);
      if (marked) return refuse(409, 'BEACON_MILESTONE_MARKED', `${c.milestone} was already marked by ${when(marked)}`, '/command/milestone', 'a milestone not yet marked', c.milestone);
      if (c.milestone === 'comms-linked' && !c.link) return refuse(422, 'BEACON_INVALID_INPUT', 'say how the post is linked', '/command/link', '"satellite" or "4g"', undefined);
      if (c.milestone !== 'comms-linked' && c.link) return refuse(422, 'BEACON_INVALID_INPUT', 'a link belongs only to comms-linked', '/command/link', 'no link for this milestone', c.link);
      return null;
    }
    case 'team.dispatch': {
      if (!latestRecord(state, 'rescue-team', c.teamId)) {
        return refuse(404, 'BEACON_UNKNOWN_TEAM', `no rescue team "${c.teamId}"`, '/command/teamId', 'the teamId of a registered rescue team', c.teamId);
      }
      const bad = incident(c.incidentId, '/command/incidentId');
      if (bad) return bad;
      const committed = teamCommitment(state, c.teamId);
      if (committed?.incidentId === c.incidentId) {
        return refuse(409, 'BEACON_NO_CHANGE', `team "${c.teamId}" is already committed to incident "${c.incidentId}"`, '/command/teamId', 'a team not yet committed to this incident', c.teamId);
      }
      if (committed) {
        return refuse(409, 'BEACON_TEAM_COMMITTED', `team "${c.teamId}" is committed to incident "${committed.incidentId}" since ${new Date(committed.since).toISOString()}; release it first`,
          '/command/teamId', 'a team that is not committed elsewhere', c.teamId);
      }
      return null;
    }
    case 'team.release': {
      if (!own(state.command.dispatches, c.teamId)) {
        return refuse(409, 'BEACON_NOT_DISPATCHED', `team "${c.teamId}" has no dispatch to release`, '/command/teamId', 'a team dispatched by command', c.teamId);
      }
      return null;
    }
    case 'incident.acknowledge': {
      const done = own(state.command.acknowledged, c.incidentId);
      if (done) return refuse(409, 'BEACON_ALREADY_ACKNOWLEDGED', `incident "${c.incidentId}" was acknowledged by ${when(done)}`, '/command/incidentId', 'an incident not yet acknowledged', c.incidentId);
      if (!latestRecord(state, 'incident', c.incidentId)) return refuse(404, 'BEACON_UNKNOWN_INCIDENT', `no incident "${c.incidentId}"`, '/command/incidentId', 'the incidentId of a reported incident', c.incidentId);
      return null;
    }
    case 'wall.replay': {
      const from = Date.parse(c.from);
      const to = Date.parse(c.to);
      if (!(from < to)) return refuse(422, 'BEACON_INVALID_INPUT', 'the replay window must end after it starts', '/command/to', `a time after ${c.from}`, c.to);
      if (to - from > MAX_WALL_REPLAY_MS) return refuse(422, 'BEACON_INVALID_INPUT', 'a wall replay covers at most 3 days', '/command/to', 'at most 3 days after from', c.to);
      return null;
    }
    case 'wall.layers': {
      const now = [...(state.command.wallLayers?.hidden ?? [])].sort().join();
      if ([...c.hidden].sort().join() === now) return refuse(409, 'BEACON_NO_CHANGE', 'the wall already hides exactly these layers', '/command/hidden', 'a different set of layers', c.hidden);
      return null;
    }
    case 'wall.live':
      if (!state.command.wallReplay) return refuse(409, 'BEACON_NO_CHANGE', 'the wall is already live', '/command/kind', 'wall.live only while a replay is on the wall', c.kind);
      return null;
    case 'wall.focus': {
      const v = c.view;
      if (v.kind === 'incident' && !latestRecord(state, 'incident', v.incidentId)) {
        return refuse(404, 'BEACON_UNKNOWN_INCIDENT', `no incident "${v.incidentId}"`, '/command/view/incidentId', 'the incidentId of a reported incident', v.incidentId);
      }
      return null;
    }
  }
}

/** A wall replay plays a typhoon's worth (a reviewer's own replay window may be up to 14 days). */
const MAX_WALL_REPLAY_MS = 3 * 24 * 3600_000;

function refuse(statusCode: CommandRefusal['statusCode'], code: ErrorCode, message: string, path: string, expected: string, got: unknown): CommandRefusal {
  return { statusCode, code, message, issues: [{ path, expected, got }] };
}
