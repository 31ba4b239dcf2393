import { categoryFeed, type LiveState } from '@beacon/shared';
import { formatHourMinute, type Messages } from '../i18n/index.ts';

export type PanelTone = 'live' | 'late' | 'silent';

export interface PanelAge {
  /** "数据 12 秒前", or with a late/silent feed "10:42 起中断". Null before any record. */
  text: string | null;
  tone: PanelTone;
}

const rank = { live: 0, never: 1, late: 2, silent: 3 } as const;

/**
 * How fresh a panel is: the age of the newest record of its categories, unless one of them is late
 * or silent, in which case it says since when — a panel never looks current when part of it is not.
 */
export function panelAge(state: LiveState, categories: readonly string[], now: number, t: Messages): PanelAge {
  const feeds = categories.map((c) => categoryFeed(state, c, now)).filter((f) => f.lastReceivedAt !== null);
  if (feeds.length === 0) return { text: null, tone: categories.length > 0 ? 'silent' : 'live' };
  const worst = feeds.reduce((w, f) => (rank[f.status] > rank[w.status] ? f : w));
  if (worst.status === 'late' || worst.status === 'silent') {
    const hhmm = formatHourMinute(worst.lastReceivedAt!);
    return { text: worst.status === 'late' ? t.wall.lateSince(hhmm) : t.wall.silentSince(hhmm), tone: worst.status };
  }
  const newest = Math.max(...feeds.map((f) => f.lastReceivedAt!));
  return { text: t.dataAge(t.age(Math.max(0, now - newest))), tone: 'live' };
}
