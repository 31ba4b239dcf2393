import type { CommsLink, PostClockPhase, PostMilestone } from '@beacon/shared';
import type { Locale } from '../../i18n/messages.ts';

/**
 * The forward-post panel's strings (前方指挥部). Kept with the panel, by locale, so the wall and the
 * console show the same words without either owning them.
 */
export interface ForwardPostsMessages {
  title: string;
  empty: string;
  /** The panel's data age before any command was given: the command log is its data. */
  noCommandsYet: string;
  phase: Record<PostClockPhase, string>;
  milestone: Record<PostMilestone, string>;
  link: Record<CommsLink, string>;
  /** e.g. "14:05:09 指挥长王某 下令". */
  ordered: (time: string, by: string) => string;
  /** e.g. "剩余" / "超时" before the clock. */
  clockLabel: Record<PostClockPhase, string>;
  pending: string;
}

const zh: ForwardPostsMessages = {
  title: '前方指挥部 30 分钟搭建',
  empty: '暂无前方指挥部',
  noCommandsYet: '尚无指令',
  phase: { running: '搭建中', linked: '已联通', overdue: '已超时', 'linked-late': '超时后联通' },
  milestone: {
    'team-dispatched': '保障分队出发',
    'on-site': '到达现场',
    'post-set-up': '指挥部搭建完成',
    'comms-linked': '通信联通',
    'video-up': '视频接入',
    'first-consultation': '首次会商',
  },
  link: { satellite: '卫星', '4g': '4G' },
  ordered: (time, by) => `${time} ${by} 下令`,
  clockLabel: { running: '剩余', linked: '提前联通', overdue: '超时', 'linked-late': '超时' },
  pending: '未完成',
};

const en: ForwardPostsMessages = {
  title: '30-minute forward-post deployment',
  empty: 'No forward command post',
  noCommandsYet: 'No commands yet',
  phase: { running: 'Setting up', linked: 'Linked', overdue: 'OVERDUE', 'linked-late': 'Linked late' },
  milestone: {
    'team-dispatched': 'Team dispatched',
    'on-site': 'On site',
    'post-set-up': 'Post set up',
    'comms-linked': 'Comms linked',
    'video-up': 'Video up',
    'first-consultation': 'First consultation',
  },
  link: { satellite: 'satellite', '4g': '4G' },
  ordered: (time, by) => `ordered ${time} by ${by}`,
  clockLabel: { running: 'left', linked: 'to spare', overdue: 'over', 'linked-late': 'late' },
  pending: 'pending',
};

export const forwardPostsMessages: Record<Locale, ForwardPostsMessages> = { 'zh-CN': zh, en };
