import type { Actor } from '../auth/roles.ts';
import type { ReplaySpeed } from '../protocol/replay.ts';
import type { ViewRef } from '../views/view.ts';
import type { MapLayerId } from '../wall/map-layers.ts';

/** 应急响应级别: IV is the lowest, I the highest; null is no response in force. */
export const responseLevels = ['IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = (typeof responseLevels)[number];

/**
 * Forward command post milestones (前方指挥部), in the order the field support team usually
 * reaches them. "comms-linked" is the one the 30-minute promise is about.
 */
export const postMilestones = ['team-dispatched', 'on-site', 'post-set-up', 'comms-linked', 'video-up', 'first-consultation'] as const;
export type PostMilestone = (typeof postMilestones)[number];

/** How the post reached the rear centre. */
export const commsLinks = ['satellite', '4g'] as const;
export type CommsLink = (typeof commsLinks)[number];

/** The seed city's promise: post up and linked within 30 minutes of the order. */
export const POST_DEADLINE_MS = 30 * 60_000;

/** What a command asks for. Each is checked against current state before it is logged. */
export type Command =
  | { kind: 'response.set'; level: ResponseLevel | null }
  | { kind: 'post.order'; postId: string; incidentId: string }
  | { kind: 'post.milestone'; postId: string; milestone: PostMilestone; link?: CommsLink }
  | { kind: 'team.dispatch'; teamId: string; incidentId: string }
  | { kind: 'team.release'; teamId: string }
  | { kind: 'incident.acknowledge'; incidentId: string }
  | { kind: 'wall.focus'; view: ViewRef }
  /** Play a past window on the wall (after-action review in the hall); every wall shows the same moment. */
  | { kind: 'wall.replay'; from: string; to: string; speed: ReplaySpeed }
  /** Back to live after a replay. */
  | { kind: 'wall.live' }
  /** Which one-map layers the wall hides (none: every layer shows). */
  | { kind: 'wall.layers'; hidden: MapLayerId[] };

export type CommandKind = Command['kind'];
export const commandKinds = [
  'response.set', 'post.order', 'post.milestone', 'team.dispatch', 'team.release', 'incident.acknowledge', 'wall.focus',
  'wall.replay', 'wall.live', 'wall.layers',
] as const satisfies readonly CommandKind[];

/** Roles allowed to issue each command. The duty officer runs the hall; decisions are the commander's. */
export const commandRoles: Record<CommandKind, readonly Actor['role'][]> = {
  'response.set': ['commander'],
  'post.order': ['commander'],
  'post.milestone': ['commander', 'duty'],
  'team.dispatch': ['commander'],
  'team.release': ['commander', 'duty'],
  'incident.acknowledge': ['commander', 'duty'],
  'wall.focus': ['commander', 'duty'],
  'wall.replay': ['commander', 'duty'],
  'wall.live': ['commander', 'duty'],
  'wall.layers': ['commander', 'duty'],
};

/** A command as a client sends it: its own id makes a retry harmless. */
export interface CommandRequest {
  /** Made by the client (a UUID); the same id twice is the same command. */
  commandId: string;
  /** Why, in the issuer's words (kept in the audit trail). */
  reason: string;
  command: Command;
}
