import { describe, expect, it } from 'vitest';
import { emptyLiveState, POST_DEADLINE_MS, xiamen, type Actor, type ForwardPost, type LiveState } from '@beacon/shared';
import { forwardPostsView } from './forwardPostsView.ts';

const commander: Actor = { id: 'u1', name: '王指挥', role: 'commander' };
const duty: Actor = { id: 'u2', name: '李值班', role: 'duty' };
// 2026-09-14 06:00:00 UTC = 14:00:00 in Xiamen.
const T0 = Date.UTC(2026, 8, 14, 6, 0, 0);

function post(postId: string, incidentId: string, orderedAt: number, milestones: ForwardPost['milestones'] = {}): ForwardPost {
  return { postId, incidentId, ordered: { at: orderedAt, by: commander, commandId: `c-${postId}` }, deadline: orderedAt + POST_DEADLINE_MS, milestones };
}

function stateWith(...posts: ForwardPost[]): LiveState {
  const s = emptyLiveState();
  s.latest.incident = {
    'INC-1': { entityId: 'INC-1', observedAt: T0, version: 1, seq: 1, data: { title: '集美区灌口镇山体滑坡', district: '集美区' } },
  };
  s.command = { ...s.command, posts: Object.fromEntries(posts.map((p) => [p.postId, p])) };
  return s;
}

describe('forwardPostsView', () => {
  it('counts down from 30:00 and names the incident, its district and who ordered it', () => {
    const v = forwardPostsView(stateWith(post('FP-INC-1-1400', 'INC-1', T0)), T0 + 1, 'zh-CN', xiamen);
    const r = v.rows[0]!;
    expect(r.clock).toBe('30:00');
    expect(r.phase).toBe('running');
    expect(r.phaseLabel).toBe('搭建中');
    expect(r.overdue).toBe(false);
    expect(r.incidentTitle).toBe('集美区灌口镇山体滑坡');
    expect(r.district).toBe('集美区');
    expect(r.ordered).toBe('14:00:00 王指挥 下令');
    expect(forwardPostsView(stateWith(post('FP-INC-1-1400', 'INC-1', T0)), T0 + 1001, 'zh-CN', xiamen).rows[0]!.clock).toBe('29:59');
    // A screen whose second has not ticked over since the order still shows 30:00, never 30:01.
    expect(forwardPostsView(stateWith(post('FP-INC-1-1400', 'INC-1', T0)), T0 - 900, 'zh-CN', xiamen).rows[0]!.clock).toBe('30:00');
  });

  it('turns overdue at the deadline second, in words as well as in colour', () => {
    const s = stateWith(post('P', 'INC-1', T0));
    expect(forwardPostsView(s, T0 + POST_DEADLINE_MS - 1, 'zh-CN', xiamen).rows[0]!.overdue).toBe(false);
    const late = forwardPostsView(s, T0 + POST_DEADLINE_MS + 65_000, 'en', xiamen);
    expect(late.rows[0]!.overdue).toBe(true);
    expect(late.rows[0]!.clock).toBe('-01:05');
    expect(late.rows[0]!.phaseLabel).toBe('OVERDUE');
    expect(late.anyOverdue).toBe(true);
  });

  it('lists every milestone in order with HH:mm:ss, who, and the link; the next one is the first pending', () => {
    const s = stateWith(post('P', 'INC-1', T0, {
      'team-dispatched': { at: T0 + 62_000, by: duty, commandId: 'a' },
      'comms-linked': { at: T0 + 20 * 60_000 + 3000, by: commander, commandId: 'b', link: 'satellite' },
    }));
    const r = forwardPostsView(s, T0 + 40 * 60_000, 'zh-CN', xiamen).rows[0]!;
    expect(r.milestones.map((x) => x.id)).toEqual(['team-dispatched', 'on-site', 'post-set-up', 'comms-linked', 'video-up', 'first-consultation']);
    expect(r.milestones[0]).toMatchObject({ done: true, time: '14:01:02', by: '李值班', text: '14:01:02 李值班' });
    expect(r.milestones[1]).toMatchObject({ done: false, time: null, text: '未完成' });
    expect(r.milestones[3]!.text).toBe('14:20:03 王指挥 · 卫星');
    expect(r.next).toBe('on-site');
    // Linked in time: the clock stops at the time to spare, whatever `now` is.
    expect(r.phase).toBe('linked');
    expect(r.clock).toBe('09:57');
    expect(r.overdue).toBe(false);
  });

  it('puts open posts first by nearest deadline, linked ones after', () => {
    const linked = post('A-linked', 'INC-1', T0 - 60_000, { 'comms-linked': { at: T0, by: duty, commandId: 'x', link: '4g' } });
    const later = post('B-later', 'INC-2', T0 + 60_000);
    const sooner = post('C-sooner', 'INC-3', T0);
    const v = forwardPostsView(stateWith(linked, later, sooner), T0 + 1000, 'zh-CN', xiamen);
    expect(v.rows.map((r) => r.postId)).toEqual(['C-sooner', 'B-later', 'A-linked']);
    // An incident the screen does not hold is named by its id.
    expect(v.rows[1]!.incidentTitle).toBe('INC-2');
  });

  it('gives its data age even when empty: since the last command, or that there is none yet', () => {
    // On the 7680×2160 wall the empty post column showed no age, unlike every other panel.
    expect(forwardPostsView(emptyLiveState(), T0, 'zh-CN', xiamen).ageText).toBe('尚无指令');
    const s = emptyLiveState();
    s.command.wallFocus = { view: { kind: 'city' }, at: T0 - 12 * 60_000, by: { id: 'u', name: '王', role: 'duty' }, commandId: 'c' };
    expect(forwardPostsView(s, T0, 'zh-CN', xiamen)).toMatchObject({ rows: [], ageText: '数据 12 分钟前' });
    expect(forwardPostsView(stateWith(post('FP-INC-1-1400', 'INC-1', T0)), T0 + 5_000, 'en', xiamen).ageText).toBe('data 5 s old');
  });

  it('is empty with a message when no post was ordered', () => {
    const v = forwardPostsView(emptyLiveState(), T0, 'zh-CN', xiamen);
    expect(v.rows).toEqual([]);
    expect(v.empty).toBe('暂无前方指挥部');
  });
});
