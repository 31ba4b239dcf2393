import { latestIn, latestRecord, type LiveState } from '../state/live-state.ts';
import { own } from '../util/dict.ts';

/** Where a team is committed, and on whose word: a dispatch command, or the team's own terminal. */
export interface TeamCommitment {
  teamId: string;
  incidentId: string;
  since: number;
  source: 'command' | 'team';
}

const BUSY = new Set(['dispatched', 'on-site']);

/**
 * The team's current commitment: the newer of the last dispatch command and the team's own report.
 * A report newer than the dispatch wins (the terminal knows where the team is); a report of
 * standby/returning/resting with no incident frees it.
 */
export function teamCommitment(state: LiveState, teamId: string): TeamCommitment | null {
  const dispatch = own(state.command.dispatches, teamId);
  const record = latestRecord(state, 'rescue-team', teamId);
  if (dispatch && (!record || dispatch.at >= record.observedAt)) {
    return { teamId, incidentId: dispatch.incidentId, since: dispatch.at, source: 'command' };
  }
  const d = record?.data;
  if (d && BUSY.has(String(d.status)) && typeof d.incidentId === 'string') {
    return { teamId, incidentId: d.incidentId, since: record!.observedAt, source: 'team' };
  }
  return null;
}

/** The team's status as screens show it: a dispatch command newer than its last report makes it "dispatched". */
export function teamStatus(state: LiveState, teamId: string): string | null {
  const c = teamCommitment(state, teamId);
  if (c?.source === 'command') return 'dispatched';
  const status = latestRecord(state, 'rescue-team', teamId)?.data.status;
  return typeof status === 'string' ? status : null;
}

/** The teams committed to an incident (the incident's assigned forces), oldest commitment first. */
export function assignedTeams(state: LiveState, incidentId: string): TeamCommitment[] {
  const ids = new Set([...Object.keys(latestIn(state, 'rescue-team')), ...Object.keys(state.command.dispatches)]);
  const out: TeamCommitment[] = [];
  for (const id of ids) {
    const c = teamCommitment(state, id);
    if (c?.incidentId === incidentId) out.push(c);
  }
  return out.sort((a, b) => a.since - b.since || a.teamId.localeCompare(b.teamId));
}
