import type { Actor } from '../auth/roles.ts';
import type { CommandIssued } from '../events.ts';
import type { ViewRef } from '../views/view.ts';
import type { MapLayerId } from '../wall/map-layers.ts';
import type { ReplaySpeed } from '../protocol/replay.ts';
import { dict, own, setOwn } from '../util/dict.ts';
import { POST_DEADLINE_MS, postMilestones, type Command, type CommsLink, type PostMilestone, type ResponseLevel } from './command.ts';

/** When and by whom something was done (epoch ms of the server's clock). */
export interface Stamp {
  at: number;
  by: Actor;
  commandId: string;
}

export interface ForwardPost {
  postId: string;
  incidentId: string;
  ordered: Stamp;
  /** ordered.at + 30 minutes; kept in state (from the log), never in a timer. */
  deadline: number;
  milestones: Partial<Record<PostMilestone, Stamp & { link?: CommsLink }>>;
}

export interface TeamDispatch extends Stamp {
  incidentId: string;
}

/** What commands have decided. Every screen sees all of it: it is small and city-wide. */
export interface CommandState {
  /** The newest log sequence that changed this slice; a delta's copy only replaces an older one. */
  seq: number;
  response: { level: ResponseLevel | null; since: Stamp | null };
  posts: Record<string, ForwardPost>;
  /** Team id → its current dispatch by command (removed when released). */
  dispatches: Record<string, TeamDispatch>;
  /** Incident id → who acknowledged it. */
  acknowledged: Record<string, Stamp>;
  /** What the wall shows; null until someone chooses (the wall then shows the city). */
  wallFocus: (Stamp & { view: ViewRef }) | null;
  /**
   * A past window playing on the wall, or null for live. The replay clock is
   * from + (now − started.at) × speed, capped at `to`: every wall computes the same moment.
   */
  wallReplay: { from: number; to: number; speed: ReplaySpeed; started: Stamp } | null;
  /** One-map layers the console hid on the wall, and who did. */
  wallLayers: (Stamp & { hidden: MapLayerId[] }) | null;
}

export function emptyCommandState(): CommandState {
  // Keyed by post, team and incident ids from outside: null-prototype dictionaries (see util/dict.ts).
  return { seq: 0, response: { level: null, since: null }, posts: dict(), dispatches: dict(), acknowledged: dict(), wallFocus: null, wallReplay: null, wallLayers: null };
}

/** The moment a wall replay shows at `now` (server clock): it runs at its speed from its start, and stops at its end. */
export function wallReplayAt(r: NonNullable<CommandState['wallReplay']>, now: number): number {
  return Math.min(r.to, r.from + Math.max(0, now - r.started.at) * r.speed);
}

/** The command slice after one more accepted command (a new object; the input is not changed). */
export function applyCommand(state: CommandState, e: CommandIssued): CommandState {
  const at = Date.parse(e.receivedAt);
  // Checked before logging, but a log edited by hand must not put NaN deadlines or "undefined" ids into
  // state: the reducer isolates an event that throws here and counts it (see foldEach).
  if (!Number.isFinite(at)) throw new Error(`receivedAt is not a time: ${JSON.stringify(e.receivedAt)}`);
  const c = e.command as Command | undefined;
  if (typeof c !== 'object' || c === null) throw new Error('the command is missing');
  const stamp: Stamp = { at, by: e.actor, commandId: e.commandId };
  const s: CommandState = { ...state, seq: Math.max(state.seq, e.seq) };
  switch (c.kind) {
    case 'response.set':
      s.response = { level: c.level, since: stamp };
      break;
    case 'post.order':
      s.posts = withEntry(s.posts, idOf(c.postId, 'postId'), {
        postId: c.postId, incidentId: idOf(c.incidentId, 'incidentId'), ordered: stamp, deadline: stamp.at + POST_DEADLINE_MS, milestones: {},
      });
      break;
    case 'post.milestone': {
      const post = own(s.posts, idOf(c.postId, 'postId'));
      // Checked before logging; a log edited by hand must still fold, so an unknown post is ignored.
      if (!post) break;
      if (!(postMilestones as readonly unknown[]).includes(c.milestone)) throw new Error(`unknown milestone ${JSON.stringify(c.milestone)}`);
      const mark = c.link ? { ...stamp, link: c.link } : stamp;
      s.posts = withEntry(s.posts, c.postId, { ...post, milestones: { ...post.milestones, [c.milestone]: mark } });
      break;
    }
    case 'team.dispatch':
      s.dispatches = withEntry(s.dispatches, idOf(c.teamId, 'teamId'), { ...stamp, incidentId: idOf(c.incidentId, 'incidentId') });
      break;
    case 'team.release': {
      const rest = dict(Object.entries(s.dispatches));
      delete rest[idOf(c.teamId, 'teamId')];
      s.dispatches = rest;
      break;
    }
    case 'incident.acknowledge':
      s.acknowledged = withEntry(s.acknowledged, idOf(c.incidentId, 'incidentId'), stamp);
      break;
    case 'wall.focus':
      s.wallFocus = { ...stamp, view: c.view };
      break;
    case 'wall.replay':
      s.wallReplay = { from: Date.parse(c.from), to: Date.parse(c.to), speed: c.speed, started: stamp };
      break;
    case 'wall.live':
      s.wallReplay = null;
      break;
    case 'wall.layers':
      s.wallLayers = { ...stamp, hidden: [...c.hidden] };
      break;
    default:
      assertNever(c);
  }
  return s;
}

/** A copy of `m` (from the fold or from JSON) as a null-prototype dictionary with `key` set. */
function withEntry<T>(m: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const next = dict(Object.entries(m));
  setOwn(next, key, value);
  return next;
}

function idOf(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new Error(`${field} is not a string: ${JSON.stringify(v)}`);
  return v;
}

function assertNever(x: never): never {
  throw new Error(`unknown command ${JSON.stringify(x)}`);
}
