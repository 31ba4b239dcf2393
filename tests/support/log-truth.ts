import { ViewFilter, type LiveState, type Region, type ViewRef } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { foldWholeLog } from '@beacon/server/engine/live-engine.ts';
import { expect } from 'vitest';
import type { WatchingClient } from './socket-client.ts';

/**
 * The truth every fault case ends on: what a screen shows equals the whole log, folded from the start
 * by the shared reducer and cut to the screen's view. The screen is first given time to reach the
 * log's head (its `seq`), so a lost, doubled or stale record shows up as a difference, not a timeout
 * of the check itself; and no patch it was sent missed the record it was made against.
 */
export async function expectScreensMatchLog(
  sql: Sql,
  region: Region,
  screens: readonly { client: WatchingClient; view: ViewRef }[],
  timeoutMs = 10_000,
): Promise<LiveState> {
  const truth = await foldWholeLog(sql);
  for (const { client, view } of screens) {
    await client.until((s) => s.seq >= truth.seq, timeoutMs);
    const expected = ViewFilter.for(region, view, truth).state(truth);
    const shown = client.state();
    expect(shown.seq, `${JSON.stringify(view)}: seq`).toBe(truth.seq);
    expect(plain(shown.latest), `${JSON.stringify(view)}: latest`).toEqual(plain(expected.latest));
    expect(plain(shown.command), `${JSON.stringify(view)}: command`).toEqual(plain(expected.command));
    // Patches go only to screens that hold their base: one that did not would have been resynchronised
    // by a snapshot and still match, hiding a hub that patched a screen it should not have.
    expect(client.outOfStep, `${JSON.stringify(view)}: patches out of step`).toEqual([]);
  }
  return truth;
}

/** The engine of a node equals the log folded from the start. */
export async function expectEngineMatchesLog(sql: Sql, state: LiveState): Promise<void> {
  const truth = await foldWholeLog(sql);
  expect(state.seq).toBe(truth.seq);
  expect(plain(state.latest)).toEqual(plain(truth.latest));
  expect(plain(state.command)).toEqual(plain(truth.command));
}

/** Compared as JSON: null-prototype dictionaries and wire objects are the same data. */
function plain<T>(v: T): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}
