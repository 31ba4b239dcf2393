import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { emptyLiveState, type BeaconEvent, type LiveState } from '@beacon/shared';
import { applyEvents, clockOffset } from '../lib/live-sync.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * What the server has told this screen: the live state (folded with the shared reducer), the
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
    state.value = message.state;
    hasSnapshot.value = true;
  }

  function receiveEvents(message: { serverTime: number; events: BeaconEvent[] }, localNow: number) {
    noteServerTime(message.serverTime, localNow);
    state.value = applyEvents(state.value, message.events);
  }

  function receiveHeartbeat(message: { serverTime: number; seq: number }, localNow: number) {
    noteServerTime(message.serverTime, localNow);
    lastHeartbeat.value = { serverTime: message.serverTime, seq: message.seq };
  }

  function setConnection(status: ConnectionStatus) {
    connection.value = status;
  }

  return { state, connection, hasSnapshot, clockOffsetMs, lastHeartbeat, receiveSnapshot, receiveEvents, receiveHeartbeat, setConnection };
});
