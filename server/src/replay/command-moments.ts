import { own, type CommandIssued, type CommandState, type KeyMoment, type PostMilestone } from '@beacon/shared';

const milestoneName: Record<PostMilestone, { zh: string; en: string }> = {
  'team-dispatched': { zh: '保障分队出发', en: 'field support team dispatched' },
  'on-site': { zh: '到达现场', en: 'on site' },
  'post-set-up': { zh: '前指搭建完成', en: 'post set up' },
  'comms-linked': { zh: '通信链路打通', en: 'comms linked' },
  'video-up': { zh: '视频回传', en: 'video up' },
  'first-consultation': { zh: '首次远程会商', en: 'first consultation with the rear centre' },
};

const viewName = (c: Extract<CommandIssued['command'], { kind: 'wall.focus' }>): { zh: string; en: string } => {
  const v = c.view;
  switch (v.kind) {
    case 'city': return { zh: '全市', en: 'the city' };
    case 'district': return { zh: v.district, en: v.district };
    case 'subdistrict': return { zh: `${v.district}${v.subdistrict}`, en: `${v.district} ${v.subdistrict}` };
    case 'incident': return { zh: `事件 ${v.incidentId}`, en: `incident ${v.incidentId}` };
  }
};

/** The key moment a command makes, if any (acknowledgements and dispatches are in the timeline, not key moments). */
export function commandMoment(e: CommandIssued): KeyMoment | null {
  const base = { at: Date.parse(e.receivedAt), seq: e.seq, category: 'command', department: 'command', actor: e.actor.name };
  const c = e.command as CommandIssued['command'] | undefined;
  // A command the reducer could not fold (a log edited by hand) is counted in feed health, not a moment.
  if (typeof c !== 'object' || c === null) return null;
  switch (c.kind) {
    case 'response.set':
      return {
        ...base, kind: 'response-changed', entityId: 'response', level: c.level ?? 'none',
        title: c.level
          ? { zh: `启动/调整为${c.level}级应急响应`, en: `Emergency response level ${c.level}` }
          : { zh: '终止应急响应', en: 'Emergency response ended' },
      };
    case 'post.order':
      return { ...base, kind: 'post-ordered', entityId: c.postId, title: { zh: `下令搭建前方指挥部 ${c.postId}（事件 ${c.incidentId}）`, en: `Forward post ${c.postId} ordered for incident ${c.incidentId}` } };
    case 'post.milestone': {
      const name = own(milestoneName, c.milestone);
      if (!name) return null;
      const link = c.link ? (c.link === 'satellite' ? '（卫星）' : '（4G）') : '';
      return { ...base, kind: 'post-milestone', entityId: c.postId, title: { zh: `前指 ${c.postId}：${name.zh}${link}`, en: `Post ${c.postId}: ${name.en}${c.link ? ` (${c.link})` : ''}` } };
    }
    case 'wall.focus': {
      const name = viewName(c);
      return { ...base, kind: 'wall-focus', entityId: 'wall', title: { zh: `大屏切换到${name.zh}`, en: `Wall shows ${name.en}` } };
    }
    case 'wall.replay':
      return { ...base, kind: 'wall-focus', entityId: 'wall', title: { zh: `大屏回放 ${c.from.slice(0, 16)} 起（${c.speed}×）`, en: `Wall replays from ${c.from.slice(0, 16)} (${c.speed}×)` } };
    case 'wall.live':
      return { ...base, kind: 'wall-focus', entityId: 'wall', title: { zh: '大屏恢复实时', en: 'Wall back to live' } };
    default:
      return null;
  }
}

/**
 * Posts whose 30 minutes ran out, unlinked, inside (from, to]: a moment at the deadline itself (no
 * event marks it — the deadline is a time, the log only says when comms were linked, if ever).
 */
export function overdueMoments(command: CommandState, from: number, to: number, seqAt: (t: number) => number): KeyMoment[] {
  const out: KeyMoment[] = [];
  for (const post of Object.values(command.posts)) {
    if (post.deadline <= from || post.deadline > to) continue;
    // Linked after the deadline still means it went red at the deadline.
    const linked = post.milestones['comms-linked'];
    if (linked && linked.at <= post.deadline) continue;
    out.push({
      at: post.deadline, seq: seqAt(post.deadline), kind: 'post-overdue', category: 'command', entityId: post.postId, department: 'command',
      title: { zh: `前指 ${post.postId} 超过30分钟未打通通信`, en: `Post ${post.postId} overdue: not linked within 30 minutes` },
    });
  }
  return out;
}
