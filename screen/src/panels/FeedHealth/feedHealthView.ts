import { departments, feedHealth, own, type DepartmentId, type FeedStatus, type LiveState } from '@beacon/shared';
import { formatHourMinute, type Locale, type Messages } from '../../i18n/index.ts';
import { feedColour } from './feedColour.ts';

export interface FeedTile {
  department: DepartmentId;
  name: string;
  /** Full name for the tooltip-less wall: the short one is what fits a tile. */
  fullName: string;
  status: FeedStatus;
  statusLabel: string;
  /** "12 秒" for live, "10:42 起中断" for late/silent, "" if it never sent. */
  detail: string;
  colour: string;
  greyed: boolean;
}

/** The 17 department tiles in fixed order: a tile never moves, so the eye finds the same department in the same place. */
export function feedHealthView(state: LiveState, now: number, locale: Locale, t: Messages): { tiles: FeedTile[]; counts: Record<FeedStatus, number> } {
  const counts: Record<FeedStatus, number> = { live: 0, late: 0, silent: 0, never: 0 };
  const tiles = feedHealth(state, now).map((h): FeedTile => {
    counts[h.status] += 1;
    let detail = '';
    if ((h.status === 'late' || h.status === 'silent') && h.since !== null) {
      const hhmm = formatHourMinute(h.since);
      detail = h.status === 'late' ? t.wall.lateSince(hhmm) : t.wall.silentSince(hhmm);
    } else if (h.status === 'live' && h.lastReceivedAt !== null) {
      detail = t.age(Math.max(0, now - h.lastReceivedAt));
    }
    const dept = departments[h.department];
    return {
      department: h.department,
      name: (t.wall.departmentTile && own(t.wall.departmentTile, h.department)) ?? own(t.wall.departmentShort, h.department) ?? dept.zh,
      fullName: locale === 'en' ? dept.en : dept.zh,
      status: h.status,
      statusLabel: t.feedStatus[h.status],
      detail,
      colour: feedColour[h.status],
      greyed: h.status === 'silent' || h.status === 'never',
    };
  });
  return { tiles, counts };
}
