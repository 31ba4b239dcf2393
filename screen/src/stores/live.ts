import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { applyDelta, emptyLiveState, liveStateFromJson, type LiveState, type StateDelta } from '@beacon/shared';
import { clockOffset } from '../lib/live-sync.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * What the server has told this screen: the live state of its view (deltas applied with the shared code), the
 * connection, and the server clock. The socket itself lives in composables/useLiveConnection.
 */
export const useLiveStore = defineStore('live', () => {
  // Replaced wholesale by the reducer, never mutated: a shallow ref avoids deep proxies on every frame.
  const state = shallowRef<LiveState>(emptyLiveState());
  const connection = ref<ConnectionStatus>('connecting');
  const hasSnapshot = ref(false);
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
  }

  function receiveDelta(message: { serverTime: number; delta: StateDelta }, localNow: number) {
    noteServerTime(message.serverTime, localNow);
    state.value = applyDelta(state.value, message.delta);
  }

  function receiveHeartbeat(message: { serverTime: number; seq: number }, localNow: number) {
    noteServerTime(message.serverTime, localNow);
    lastHeartbeat.value = { serverTime: message.serverTime, seq: message.seq };
  }

  function setConnection(status: ConnectionStatus) {
    connection.value = status;
  }

  return { state, connection, hasSnapshot, clockOffsetMs, lastHeartbeat, receiveSnapshot, receiveDelta, receiveHeartbeat, setConnection };
});
