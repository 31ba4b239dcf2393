import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CommandIssued, RecordReceived } from '../events.ts';
import { applyDelta, deltaOf, mergeDeltas } from '../state/delta.ts';
import { emptyLiveState, type LiveState } from '../state/live-state.ts';
import { fold } from '../state/reducer.ts';
import { checkCommand } from './check.ts';
import type { Command } from './command.ts';
import { assignedTeams, teamCommitment, teamStatus } from './forces.ts';
import { formatClock, postClock } from './forward-post.ts';

const T0 = Date.parse('2026-09-14T02:00:00Z');
let seq = 0;
function cmd(command: Command, minutes = 0, role: 'commander' | 'duty' = 'commander'): CommandIssued {
  seq += 1;
  return { type: 'command.issued', seq, receivedAt: new Date(T0 + minutes * 60_000).toISOString(), commandId: `c${seq}`, actor: { id: role, name: role, role }, reason: 'r', command };
}
function rec(category: string, entityId: string, data: Record<string, unknown>, minutes = 0): RecordReceived {
  seq += 1;
  const at = new Date(T0 + minutes * 60_000).toISOString();
  return { type: 'record.received', seq, receivedAt: at, department: 'emergency', category, entityId, observedAt: at, version: 1, payload: data };
}
const base = (): LiveState => fold(emptyLiveState(), [
  rec('incident', 'I1', { status: 'open' }), rec('incident', 'I2', { status: 'open' }), rec('incident', 'IX', { status: 'closed' }),
  rec('rescue-team', 'T1', { status: 'standby' }), rec('rescue-team', 'T2', { status: 'standby' }),
]);

describe('the forward-post clock', () => {
  const s = fold(base(), [cmd({ kind: 'post.order', postId: 'P', incidentId: 'I1' }, 0)]);
  const post = s.command.posts.P!;
  it('counts down 30:00 from the order, turns overdue at the deadline second, and stops when linked', () => {
    expect(formatClock(postClock(post, T0).remainingMs)).toBe('30:00');
    expect(formatClock(postClock(post, T0 + 1).remainingMs)).toBe('30:00');
    expect(formatClock(postClock(post, T0 + 1000).remainingMs)).toBe('29:59');
    expect(postClock(post, T0 + 30 * 60_000 - 1).phase).toBe('running');
    expect(postClock(post, T0 + 30 * 60_000).phase).toBe('overdue');
    expect(formatClock(postClock(post, T0 + 31 * 60_000 + 5000).remainingMs)).toBe('-01:05');
    const linked = fold(s, [cmd({ kind: 'post.milestone', postId: 'P', milestone: 'comms-linked', link: '4g' }, 12)]).command.posts.P!;
    expect(postClock(linked, T0 + 3600_000)).toEqual({ remainingMs: 18 * 60_000, phase: 'linked' });
  });
  it('formats the deadline second as 00:00, never -00:00', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-999)).toBe('00:00');
    expect(formatClock(-1000)).toBe('-00:01');
  });
});

describe('checking commands against state', () => {
  it('refuses a role its commands, repeats, and teams committed elsewhere', () => {
    const s = fold(base(), [cmd({ kind: 'team.dispatch', teamId: 'T1', incidentId: 'I1' }, 1)]);
    expect(checkCommand(s, 'duty', { kind: 'response.set', level: 'I' })?.statusCode).toBe(403);
    expect(checkCommand(s, 'commander', { kind: 'team.dispatch', teamId: 'T1', incidentId: 'I2' })?.code).toBe('BEACON_TEAM_COMMITTED');
    expect(checkCommand(s, 'commander', { kind: 'team.dispatch', teamId: 'T2', incidentId: 'IX' })?.code).toBe('BEACON_INCIDENT_CLOSED');
    expect(checkCommand(s, 'commander', { kind: 'team.dispatch', teamId: 'T2', incidentId: 'I2' })).toBeNull();
    expect(checkCommand(s, 'commander', { kind: 'response.set', level: null })?.code).toBe('BEACON_NO_CHANGE');
  });
  it('lets a team\'s newer report free it, and a newer dispatch commit it again', () => {
    let s = fold(base(), [cmd({ kind: 'team.dispatch', teamId: 'T1', incidentId: 'I1' }, 1)]);
    expect(teamStatus(s, 'T1')).toBe('dispatched');
    expect(assignedTeams(s, 'I1').map((c) => c.teamId)).toEqual(['T1']);
    s = fold(s, [rec('rescue-team', 'T1', { status: 'returning' }, 50)]);
    expect(teamCommitment(s, 'T1')).toBeNull();
    expect(teamStatus(s, 'T1')).toBe('returning');
    s = fold(s, [rec('rescue-team', 'T2', { status: 'on-site', incidentId: 'I2' }, 51)]);
    expect(teamCommitment(s, 'T2')).toMatchObject({ incidentId: 'I2', source: 'team' });
  });
});

describe('the command slice in deltas', () => {
  it('reaches a screen whatever the tick boundaries, and an old copy never replaces a newer one', () => {
    const commands: Command[] = [
      { kind: 'response.set', level: 'IV' }, { kind: 'post.order', postId: 'P', incidentId: 'I1' },
      { kind: 'post.milestone', postId: 'P', milestone: 'on-site' }, { kind: 'response.set', level: 'II' },
      { kind: 'wall.focus', view: { kind: 'incident', incidentId: 'I1' } },
    ];
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (cuts, replayOld) => {
      const start = base();
      const events = commands.map((c, i) => cmd(c, i));
      let server = start;
      let screen = start;
      const deltas = [];
      for (let i = 0; i < events.length;) {
        const n = cuts[deltas.length % cuts.length]!;
        const batch = events.slice(i, i + n);
        const before = server;
        server = fold(server, batch);
        deltas.push(deltaOf(before, server, batch));
        i += n;
      }
      for (const d of deltas) screen = applyDelta(screen, d);
      if (replayOld) screen = applyDelta(screen, deltas[0]!);
      expect(screen.command).toEqual(server.command);
      expect(deltas.reduce(mergeDeltas).command).toEqual(server.command);
    }));
  });
});

describe('surroundings see dispatches', () => {
  it('marks a team dispatched by command as going to that incident', async () => {
    const { readTeams } = await import('../surroundings/points.ts');
    const s = fold(base(), [
      rec('rescue-team', 'T9', { status: 'standby', lon: 118.1, lat: 24.5 }),
      cmd({ kind: 'team.dispatch', teamId: 'T9', incidentId: 'I2' }, 5),
    ]);
    expect(readTeams(s).find((t) => t.id === 'T9')).toMatchObject({ status: 'dispatched', incidentId: 'I2' });
  });
});
