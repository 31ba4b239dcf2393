import { categories, categoryFeed, departments, type FeedStatus, type LiveState } from '@beacon/shared';
import type { Locale, Messages } from '../../i18n/index.ts';
import { feedColour } from './feedColour.ts';

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

/**
 * One category's feed as a header badge and a banner show it (the wall shows the rain gauges'). It is
 * judged as every category's feed is (shared categoryFeed, which the department tiles fold), so the
 * rain gauges are one feed among the 56, not a case of their own.
 */
export function categoryFeedView(state: LiveState, category: string, now: number, locale: Locale, t: Messages): FeedView {
  const { status, lastReceivedAt } = categoryFeed(state, category, now);
  const ageMs = lastReceivedAt === null ? null : Math.max(0, now - lastReceivedAt);
  const def = categories.get(category);
  const department = def ? departments[def.department][locale === 'en' ? 'en' : 'zh'] : '';
  const name = def ? def.name[locale === 'en' ? 'en' : 'zh'] : category;
  let banner: FeedBanner | null = null;
  if ((status === 'late' || status === 'silent') && ageMs !== null) {
    banner = { tone: status, text: t.feedStaleBanner(department, name, t.age(ageMs)) };
  } else if (status === 'never') {
    banner = { tone: 'never', text: t.feedNeverBanner(department, name) };
  }
  return {
    status,
    label: t.feedStatus[status],
    ageMs,
    ageText: ageMs === null ? '' : t.dataAge(t.age(ageMs)),
    colour: feedColour[status],
    banner,
  };
}
