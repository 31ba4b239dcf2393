// Test builder: a LiveState holding exactly the given records, as the reducer would leave it.
import { categories } from '../categories/registry.ts';
import { applyDelta, type StateDelta } from '../state/delta.ts';
import { emptyLiveState, type FeedState, type LiveState } from '../state/live-state.ts';
import { dict, own, setOwn } from '../util/dict.ts';

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
    const byId = own(state.latest, r.category) ?? dict();
    setOwn(state.latest, r.category, byId);
    setOwn(byId, r.id, { entityId: r.id, observedAt: r.observedAt, version: 1, seq, data: r.data });
    const receivedAt = r.receivedAt ?? r.observedAt;
    const feed = own(state.feeds, r.category);
    setOwn<FeedState>(state.feeds, r.category, {
      department: categories.get(r.category)?.department ?? 'emergency',
      category: r.category,
      lastReceivedAt: Math.max(feed?.lastReceivedAt ?? 0, receivedAt),
      records: (feed?.records ?? 0) + 1,
      perMinute: {},
      rejections: 0,
      lastRejection: null,
    });
  }
  state.seq = seq;
  return state;
}

/** The state after one record arrives (as a hub delta, observed at `observedAt`), every other category's record map untouched. */
export function withRecord(state: LiveState, category: string, entityId: string, data: Record<string, unknown>, observedAt: number): LiveState {
  const rec = { entityId, observedAt, version: 1, seq: state.seq + 1, data };
  return applyDelta(state, { fromSeq: state.seq, toSeq: state.seq + 1, latest: { [category]: { [entityId]: rec } }, removed: {}, points: {}, feeds: {}, transitions: {} } as unknown as StateDelta);
}
