import {
  checkCommand, commandRoles, teamCommitment,
  type Command, type CommandRefusal, type LiveState, type Region, type Role, type SurroundingsAnswer,
} from '@beacon/shared';
import { latestRecord, latestIn, own } from '@beacon/shared';
import type { Locale, Messages } from '../i18n/index.ts';
import { forwardPostsMessages } from '../panels/ForwardPosts/forwardPostsMessages.ts';
import { incidentTitle, viewLabel } from './drill.ts';
import { hms, teamDistanceKm } from './levels.ts';

/** `FP-<incidentId>-<HHmm>` in the hall's time zone: readable on the radio, unique per incident (one post each). */
export function postIdFor(incidentId: string, now: number): string {
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(now))
    .replace(':', '');
  // The API takes ids of at most 64 characters.
  return `FP-${incidentId.slice(0, 64 - 8)}-${hhmm}`;
}

/** What a console button may do now: hidden when the role may never issue it, disabled with the reason when the state says no. */
export interface Availability {
  hidden: boolean;
  reason: string | null;
}

export function availability(state: LiveState, role: Role | null, command: Command, locale: Locale, t: Messages): Availability {
  if (!role || !commandRoles[command.kind].includes(role)) return { hidden: true, reason: t.console.commandNotForRole(role ? t.console.role[role] : '') };
  // The comms link is asked for in the confirm step; check the rest of the command as if it were given.
  const checked = command.kind === 'post.milestone' && command.milestone === 'comms-linked' && !command.link ? { ...command, link: 'satellite' as const } : command;
  const refusal = checkCommand(state, role, checked);
  return { hidden: false, reason: refusal ? refusalText(refusal, checked, state, role, locale, t) : null };
}

/** A refusal in the user's language, naming the incident, the person and the time; the server's words when we have none. */
export function refusalText(refusal: CommandRefusal, c: Command, state: LiveState, role: Role, locale: Locale, t: Messages): string {
  const r = t.console.refusal;
  switch (refusal.code) {
    case 'BEACON_FORBIDDEN':
      return t.console.commandNotForRole(t.console.role[role]);
    case 'BEACON_TEAM_COMMITTED': {
      const committed = c.kind === 'team.dispatch' ? teamCommitment(state, c.teamId) : null;
      return committed ? r.teamCommitted(incidentTitle(state, committed.incidentId), hms(committed.since, locale)) : refusal.message;
    }
    case 'BEACON_NO_CHANGE':
      return c.kind === 'team.dispatch' ? r.alreadyHere : r.noChange;
    case 'BEACON_POST_EXISTS': {
      const incidentId = c.kind === 'post.order' ? c.incidentId : null;
      const existing = Object.values(state.command.posts).find((p) => p.incidentId === incidentId || (c.kind === 'post.order' && p.postId === c.postId));
      return existing ? r.postExists(existing.postId) : refusal.message;
    }
    case 'BEACON_INCIDENT_CLOSED':
      return r.incidentClosed;
    case 'BEACON_MILESTONE_MARKED': {
      const post = c.kind === 'post.milestone' ? own(state.command.posts, c.postId) : undefined;
      const m = post && c.kind === 'post.milestone' ? own(post.milestones, c.milestone) : undefined;
      return m ? r.alreadyMarked(m.by.name, hms(m.at, locale)) : refusal.message;
    }
    case 'BEACON_ALREADY_ACKNOWLEDGED': {
      const a = c.kind === 'incident.acknowledge' ? own(state.command.acknowledged, c.incidentId) : undefined;
      return a ? r.alreadyAcknowledged(a.by.name, hms(a.at, locale)) : refusal.message;
    }
    case 'BEACON_NOT_DISPATCHED':
      return r.notDispatched;
    default:
      return refusal.message;
  }
}

const teamName = (state: LiveState, id: string) => {
  const n = latestRecord(state, 'rescue-team', id)?.data.name;
  return typeof n === 'string' ? n : id;
};

/** What the confirm step says the command will do, and the reason it offers (the user may edit it). */
export function describeCommand(c: Command, state: LiveState, region: Region, locale: Locale, t: Messages): { summary: string; reason: string } {
  const s = t.console.summary;
  const why = t.console.defaultReason;
  switch (c.kind) {
    case 'response.set':
      return { summary: s.responseSet(c.level), reason: why.responseSet(c.level) };
    case 'post.order': {
      const title = incidentTitle(state, c.incidentId);
      return { summary: s.postOrder(c.postId, title), reason: why.postOrder(title) };
    }
    case 'post.milestone': {
      const label = forwardPostsMessages[locale].milestone[c.milestone];
      return { summary: s.milestone(label, c.postId), reason: why.milestone(label) };
    }
    case 'team.dispatch': {
      const team = teamName(state, c.teamId);
      const title = incidentTitle(state, c.incidentId);
      return { summary: s.dispatch(team, title), reason: why.dispatch(team, title) };
    }
    case 'team.release': {
      const team = teamName(state, c.teamId);
      return { summary: s.release(team), reason: why.release(team) };
    }
    case 'incident.acknowledge': {
      const title = incidentTitle(state, c.incidentId);
      return { summary: s.acknowledge(title), reason: why.acknowledge(title) };
    }
    case 'wall.focus': {
      const label = viewLabel(c.view, state, region, locale, t.console.city);
      return { summary: s.wallFocus(label), reason: why.wallFocus(label) };
    }
    case 'wall.replay': {
      const from = new Date(c.from).toLocaleString(locale, { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
      return { summary: s.wallReplay(from, c.speed), reason: why.wallReplay };
    }
    case 'wall.live':
      return { summary: s.wallLive, reason: why.wallLive };
    case 'wall.layers':
      return { summary: s.wallLayers(c.hidden.map((id) => t.wall.layer[id]).join('、')), reason: why.wallLayers };
  }
}

export interface CandidateTeam {
  teamId: string;
  name: string;
  status: string;
  distance: string;
  distanceKm: number | null;
  /** Why it cannot be dispatched here now (committed elsewhere …), or null. */
  reason: string | null;
}

/**
 * Rescue teams to send to an incident, nearest first: the surroundings answer's ETA where it has
 * one (it knows roads and weather), straight-line distance from live state otherwise. Teams already
 * on this incident are listed as assigned, not here.
 */
export function candidateTeams(
  state: LiveState, incidentId: string, answer: SurroundingsAnswer | null, role: Role | null, locale: Locale, t: Messages, limit = 8,
): CandidateTeam[] {
  const inc = latestRecord(state, 'incident', incidentId)?.data;
  const lon = typeof inc?.lon === 'number' ? inc.lon : null;
  const lat = typeof inc?.lat === 'number' ? inc.lat : null;
  const nearby = new Map((answer?.teams ?? []).filter((x) => x.category === 'rescue-team').map((x) => [x.id, x]));
  const rows: (CandidateTeam & { sortKey: number })[] = [];
  for (const rec of Object.values(latestIn(state, 'rescue-team'))) {
    if (teamCommitment(state, rec.entityId)?.incidentId === incidentId) continue;
    const near = nearby.get(rec.entityId);
    const km = near?.distanceKm ?? (lon !== null && lat !== null ? teamDistanceKm(rec, lon, lat) : null);
    const status = String(rec.data.status ?? '');
    const a = availability(state, role, { kind: 'team.dispatch', teamId: rec.entityId, incidentId }, locale, t);
    rows.push({
      teamId: rec.entityId,
      name: teamName(state, rec.entityId),
      status: own(t.wall.teamStatus, status) ?? status,
      distanceKm: km,
      distance: km === null ? '—' : t.console.distance(km.toFixed(1), near ? String(Math.max(1, Math.round(near.etaMin))) : null),
      reason: a.reason,
      sortKey: km ?? Number.POSITIVE_INFINITY,
    });
  }
  rows.sort((a, b) => a.sortKey - b.sortKey || a.teamId.localeCompare(b.teamId));
  return rows.slice(0, limit).map(({ sortKey: _k, ...r }) => r);
}
