import { categories, categoriesOf } from '../categories/registry.ts';
import { departmentIds, type DepartmentId } from '../departments.ts';
import { activeAlerts } from '../state/derived.ts';
import { feedOf, type LiveState } from '../state/live-state.ts';
import { feedStatus, type FeedStatus } from '../state/selectors.ts';

/** How worrying a status is: a department shows its worst reporting category. */
const concern: Record<FeedStatus, number> = { live: 0, never: 1, late: 2, silent: 3 };

export interface CategoryFeed {
  category: string;
  status: FeedStatus;
  lastReceivedAt: number | null;
}

/**
 * One category's feed at `now`, judged against its own expected interval — except a warning feed
 * with no warning in force: warnings are sent when issued, changed or lifted (and active ones re-sent
 * every interval), so with none in force silence is the normal state of a working feed, not an outage.
 */
export function categoryFeed(state: LiveState, category: string, now: number): CategoryFeed {
  const def = categories.get(category);
  const last = feedOf(state, category)?.lastReceivedAt;
  let status: FeedStatus = def ? feedStatus(last, now, def.expectedIntervalMs) : last === undefined ? 'never' : 'live';
  if (def?.kind === 'alert' && status !== 'never' && activeAlerts(state, [category], now).length === 0) status = 'live';
  return { category, status, lastReceivedAt: last ?? null };
}

export interface DepartmentHealth {
  department: DepartmentId;
  /**
   * The worst status among the categories that have ever reported ('never' if none has): one dead
   * category of a department is a broken feed the duty officer must chase, even if others flow.
   */
  status: FeedStatus;
  /** Newest receive time of any of its categories. */
  lastReceivedAt: number | null;
  /** For late/silent: when the worst category last sent, i.e. "silent since". */
  since: number | null;
  /** Categories of the department in the worst status, and how many it has. */
  worstCategories: string[];
  categoryCount: number;
}

export function departmentHealth(state: LiveState, department: DepartmentId, now: number): DepartmentHealth {
  const feeds = categoriesOf(department).map((c) => categoryFeed(state, c.id, now));
  const reported = feeds.filter((f) => f.lastReceivedAt !== null);
  let status: FeedStatus = 'never';
  for (const f of reported) if (status === 'never' || concern[f.status] > concern[status]) status = f.status;
  const worst = reported.filter((f) => f.status === status);
  const newest = reported.reduce<number | null>((m, f) => (m === null || f.lastReceivedAt! > m ? f.lastReceivedAt : m), null);
  // "Since" is the newest record of the worst categories: that is when they went quiet.
  const since = status === 'late' || status === 'silent' ? Math.max(...worst.map((f) => f.lastReceivedAt!)) : null;
  return {
    department,
    status,
    lastReceivedAt: newest,
    since,
    worstCategories: worst.map((f) => f.category),
    categoryCount: feeds.length,
  };
}

/** All 17 departments in registry order: the wall's tiles do not move as statuses change. */
export function feedHealth(state: LiveState, now: number): DepartmentHealth[] {
  return departmentIds.map((d) => departmentHealth(state, d, now));
}
