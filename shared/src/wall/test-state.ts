// Test builder: a LiveState holding exactly the given records, as the reducer would leave it.
import { categories } from '../categories/registry.ts';
import { emptyLiveState, type LiveState } from '../state/live-state.ts';

export interface TestRecord {
  category: string;
  id: string;
  data: Record<string, unknown>;
  observedAt: number;
  /** Server receive time; defaults to observedAt. */
  receivedAt?: number;
}

export function stateOf(records: readonly TestRecord[]): LiveState {
  const state = emptyLiveState();
  let seq = 0;
  for (const r of records) {
    seq += 1;
    (state.latest[r.category] ??= {})[r.id] = { entityId: r.id, observedAt: r.observedAt, version: 1, seq, data: r.data };
    const receivedAt = r.receivedAt ?? r.observedAt;
    const feed = state.feeds[r.category];
    state.feeds[r.category] = {
      department: categories.get(r.category)?.department ?? 'emergency',
      category: r.category,
      lastReceivedAt: Math.max(feed?.lastReceivedAt ?? 0, receivedAt),
      records: (feed?.records ?? 0) + 1,
      perMinute: {},
      rejections: 0,
      lastRejection: null,
    };
  }
  state.seq = seq;
  return state;
}
