import { describe, expect, it } from 'vitest';
import { emptyLiveState, fold, type Command, type CommandIssued } from '@beacon/shared';
import { overdueMoments } from './command-moments.ts';
import { momentsOf } from './key-moments.ts';

const T0 = Date.parse('2026-09-14T02:00:00Z');
let seq = 0;
function cmd(command: Command, minutes: number): CommandIssued {
  seq += 1;
  return {
    type: 'command.issued', seq, receivedAt: new Date(T0 + minutes * 60_000).toISOString(), commandId: `c${seq}`,
    actor: { id: 'u1', name: '王指挥', role: 'commander' }, reason: 'test', command,
  };
}

describe('command key moments', () => {
  it('marks response changes with their level, posts ordered and milestones, and wall focus', () => {
    const events = [
      cmd({ kind: 'response.set', level: 'II' }, 0),
      cmd({ kind: 'post.order', postId: 'FP-1', incidentId: 'INC-1' }, 1),
      cmd({ kind: 'post.milestone', postId: 'FP-1', milestone: 'comms-linked', link: 'satellite' }, 20),
      cmd({ kind: 'wall.focus', view: { kind: 'district', district: '集美区' } }, 21),
      cmd({ kind: 'incident.acknowledge', incidentId: 'INC-1' }, 22),
      cmd({ kind: 'response.set', level: null }, 90),
    ];
    const moments = momentsOf(emptyLiveState(), events);
    expect(moments.map((m) => [m.kind, m.level ?? null])).toEqual([
      ['response-changed', 'II'], ['post-ordered', null], ['post-milestone', null], ['wall-focus', null], ['response-changed', 'none'],
    ]);
    expect(moments[0]).toMatchObject({ department: 'command', actor: '王指挥', at: T0 });
    expect(moments[2]!.title.zh).toBe('前指 FP-1：通信链路打通（卫星）');
    expect(moments[3]!.title.zh).toBe('大屏切换到集美区');
  });

  it('marks a post overdue at its deadline when comms were not linked by then, and not otherwise', () => {
    const state = fold(emptyLiveState(), [
      cmd({ kind: 'post.order', postId: 'LATE', incidentId: 'A' }, 0),
      cmd({ kind: 'post.order', postId: 'ONTIME', incidentId: 'B' }, 0),
      cmd({ kind: 'post.milestone', postId: 'ONTIME', milestone: 'comms-linked', link: '4g' }, 29),
      cmd({ kind: 'post.milestone', postId: 'LATE', milestone: 'comms-linked', link: '4g' }, 31),
    ]);
    const overdue = overdueMoments(state.command, T0, T0 + 3600_000, () => 7);
    expect(overdue).toEqual([expect.objectContaining({ kind: 'post-overdue', entityId: 'LATE', at: T0 + 30 * 60_000, seq: 7 })]);
    // A window that ends before the deadline has no overdue moment yet.
    expect(overdueMoments(state.command, T0, T0 + 29 * 60_000, () => 7)).toEqual([]);
  });
});
