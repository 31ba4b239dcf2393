import { describe, expect, it } from 'vitest';
import { xiamen, type SurroundingsAnswer } from '@beacon/shared';
import { messages } from '../i18n/index.ts';
import { availability, candidateTeams, describeCommand, postIdFor } from './commands.ts';
import { commander, consoleState, duty, T0 } from './fixtures.test-state.ts';

const t = messages['zh-CN'];

describe('console commands', () => {
  it('names a post FP-<incident>-<HHmm> in the hall\'s time zone', () => {
    expect(postIdFor('INC-1', T0 + 5 * 60_000)).toBe('FP-INC-1-1405');
    expect(postIdFor('X'.repeat(80), T0).length).toBeLessThanOrEqual(64);
  });

  it('hides what the role may never do and says why the state refuses the rest', () => {
    const s = consoleState();
    expect(availability(s, 'duty', { kind: 'response.set', level: 'II' }, 'zh-CN', t).hidden).toBe(true);
    expect(availability(s, 'admin', { kind: 'wall.focus', view: { kind: 'city' } }, 'zh-CN', t).hidden).toBe(true);
    expect(availability(s, 'commander', { kind: 'response.set', level: 'II' }, 'zh-CN', t)).toEqual({ hidden: false, reason: null });
    s.command = { ...s.command, response: { level: 'II', since: { at: T0, by: commander, commandId: 'x' } } };
    expect(availability(s, 'commander', { kind: 'response.set', level: 'II' }, 'zh-CN', t).reason).toBe('已是当前级别');
    s.command = { ...s.command, acknowledged: { 'INC-1': { at: T0 + 3000, by: duty, commandId: 'y' } } };
    expect(availability(s, 'duty', { kind: 'incident.acknowledge', incidentId: 'INC-1' }, 'zh-CN', t).reason).toBe('已由 李值班 于 14:00:03 确认');
  });

  it('does not refuse comms-linked for the link it will ask for in the confirm step', () => {
    const s = consoleState();
    s.command = { ...s.command, posts: { P: { postId: 'P', incidentId: 'INC-1', ordered: { at: T0, by: commander, commandId: 'o' }, deadline: T0 + 1_800_000, milestones: {} } } };
    expect(availability(s, 'duty', { kind: 'post.milestone', postId: 'P', milestone: 'comms-linked' }, 'zh-CN', t).reason).toBeNull();
    expect(availability(s, 'commander', { kind: 'post.order', postId: 'FP-2', incidentId: 'INC-1' }, 'zh-CN', t).reason).toBe('已有前方指挥部 P');
  });

  it('offers a Chinese reason the user can edit', () => {
    const s = consoleState();
    expect(describeCommand({ kind: 'team.dispatch', teamId: 'T-NEAR', incidentId: 'INC-1' }, s, xiamen, 'zh-CN', t))
      .toEqual({ summary: '派 灌口突击队 前往「灌口镇山体滑坡」', reason: '派灌口突击队赴灌口镇山体滑坡处置' });
    expect(describeCommand({ kind: 'wall.focus', view: { kind: 'district', district: '集美区' } }, s, xiamen, 'zh-CN', t).reason).toBe('指挥大屏切换至集美区');
    expect(describeCommand({ kind: 'response.set', level: 'II' }, s, xiamen, 'zh-CN', t).summary).toBe('启动Ⅱ级应急响应');
  });

  it('lists candidate teams nearest first; a team committed elsewhere is disabled with where and since when', () => {
    const rows = candidateTeams(consoleState(), 'INC-1', null, 'commander', 'zh-CN', t);
    expect(rows.map((r) => r.teamId)).toEqual(['T-NEAR', 'T-BUSY', 'T-FAR']);
    expect(rows[0]!.reason).toBeNull();
    expect(rows[1]!.reason).toBe('已派往「杏林积水」（14:00:00 起），需先撤回');
    expect(rows[0]!.distance).toMatch(/^0\.\d 公里$/);
  });

  it('prefers the surroundings answer\'s distance and ETA, and leaves out teams already on the incident', () => {
    const answer = { teams: [{ id: 'T-FAR', category: 'rescue-team', distanceKm: 0.2, etaMin: 3.4 }] } as unknown as SurroundingsAnswer;
    const rows = candidateTeams(consoleState(), 'INC-2', answer, 'commander', 'zh-CN', t);
    expect(rows.map((r) => r.teamId)).toEqual(['T-FAR', 'T-NEAR']);
    expect(rows[0]!.distance).toBe('0.2 公里 · 约 3 分钟');
  });
});
