import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { applyPatchedDelta, emptyLiveState, liveStateFromJson, type LiveState, type PatchedDelta } from '@beacon/shared';
import { clockOffset } from '../lib/live-sync.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * What became of a delta: applied; not applied because a patch in it was made against a record this
 * screen does not hold (it must subscribe again, for a snapshot); or ignored, having come while the
 * screen waits for that snapshot.
 */
export type DeltaOutcome = 'applied' | 'out-of-step' | 'ignored';

/**
 * What the server has told this screen: the live state of its view (deltas applied with the shared code), the
 * connection, and the server clock. The socket itself lives in composables/useLiveConnection.
 */
export const useLiveStore = defineStore('live', () => {
  // Replaced wholesale by the reducer, never mutated: a shallow ref avoids deep proxies on every frame.
  const state = shallowRef<LiveState>(emptyLiveState());
  const connection = ref<ConnectionStatus>('connecting');
  const hasSnapshot = ref(false);
  /** A patch did not fit the state held: nothing more is applied, and no resume is asked, until a fresh snapshot. */
  const outOfStep = ref(false);
  /** Server time minus local time, from the newest message. */
  const clockOffsetMs = ref(0);
  const lastHeartbeat = ref<{ serverTime: number; seq: number } | null>(null);

  function noteServerTime(serverTime: number, localNow: number) {
    clockOffsetMs.value = clockOffset(serverTime, localNow);
  }

  function receiveSnapshot(message: { serverTime: number; state: LiveState }, localNow: number) {
    noteServerTime(message.serverTime, localNow);
    // From the wire with plain objects: the maps keyed by ids become null-prototype dictionaries.
    state.value = liveStateFromJson(message.state);
    hasSnapshot.value = true;
    outOfStep.value = false;
  }

  function receiveDelta(message: { serverTime: number; delta: PatchedDelta }, localNow: number): DeltaOutcome {
    noteServerTime(message.serverTime, localNow);
    if (outOfStep.value) return 'ignored';
    const applied = applyPatchedDelta(state.value, message.delta);
    if (applied.outOfStep) {
      // The wall keeps showing the state it had (every record in it true as of its seq) until the snapshot comes.
      console.warn('delta out of step with this screen: asking for a snapshot', applied.outOfStep);
      outOfStep.value = true;
      return 'out-of-step';
    }
    state.value = applied.state;
    return 'applied';
  }

  /**
   * Where a (re)subscription resumes from: the seq of the state held, or undefined when the screen
   * must start from a snapshot (it has none yet, or a patch showed it out of step).
   */
  function resumeFrom(): number | undefined {
    return hasSnapshot.value && !outOfStep.value ? state.value.seq : undefined;
  }

  function receiveHeartbeat(message: { serverTime: number; seq: number }, localNow: number) {
    noteServerTime(message.serverTime, localNow);
    lastHeartbeat.value = { serverTime: message.serverTime, seq: message.seq };
  }

  function setConnection(status: ConnectionStatus) {
    connection.value = status;
  }

  return { state, connection, hasSnapshot, outOfStep, clockOffsetMs, lastHeartbeat, receiveSnapshot, receiveDelta, resumeFrom, receiveHeartbeat, setConnection };
});
