import { departments, feedStatus, rainGaugeCategory, type FeedStatus, type LiveState } from '@beacon/shared';
import { feedOf } from '@beacon/shared';
import { palette } from '../../charts/theme.ts';
import type { Locale, Messages } from '../../i18n/index.ts';

export interface FeedBanner {
  tone: 'late' | 'silent' | 'never';
  text: string;
}

export interface FeedView {
  status: FeedStatus;
  label: string;
  /** Age of the last record the server received from the feed, or null if it never sent one. */
  ageMs: number | null;
  ageText: string;
  colour: string;
  banner: FeedBanner | null;
}

const statusColour: Record<FeedStatus, string> = {
  live: palette.live,
  late: palette.warnLate,
  silent: palette.warnSilent,
  never: palette.noData,
};

/** The meteorology feed as the header and the banner show it. */
export function meteorologyFeedView(state: LiveState, now: number, locale: Locale, t: Messages): FeedView {
  const feed = feedOf(state, rainGaugeCategory.id);
  const lastReceivedAt = feed?.lastReceivedAt;
  const status = feedStatus(lastReceivedAt, now, rainGaugeCategory.expectedIntervalMs);
  const ageMs = lastReceivedAt === undefined ? null : Math.max(0, now - lastReceivedAt);
  const department = locale === 'en' ? departments.meteorology.en : departments.meteorology.zh;
  let banner: FeedBanner | null = null;
  if ((status === 'late' || status === 'silent') && ageMs !== null) {
    banner = { tone: status, text: t.feedStaleBanner(department, t.age(ageMs)) };
  } else if (status === 'never') {
    banner = { tone: 'never', text: t.feedNeverBanner(department) };
  }
  return {
    status,
    label: t.feedStatus[status],
    ageMs,
    ageText: ageMs === null ? '' : t.dataAge(t.age(ageMs)),
    colour: statusColour[status],
    banner,
  };
}
