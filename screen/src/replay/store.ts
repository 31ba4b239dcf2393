import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { applyDelta, emptyLiveState, liveStateFromJson, type KeyMoment, type LiveState, type ReplaySpeed, type ReplayWindow, type StateDelta } from '@beacon/shared';

export type ReplayConnection = 'connecting' | 'connected' | 'disconnected';

/**
 * One reviewer's replay session, as the server reports it: the window, its key moments, the replay
 * clock and the state of the wall at that clock (deltas applied with the shared code, exactly as the
 * live store does). Data only: the socket lives in replay/useReplayConnection.
 */
export const useReplayStore = defineStore('replay', () => {
  const state = shallowRef<LiveState>(emptyLiveState());
  const hasSnapshot = ref(false);
  /** The window the server has open, or null before the first open is acknowledged. */
  const window = ref<ReplayWindow | null>(null);
  const moments = shallowRef<KeyMoment[]>([]);
  /** Replay time, epoch ms. */
  const at = ref(0);
  const playing = ref(false);
  const speed = ref<ReplaySpeed>(60);
  /** The speed the reviewer picked: the server only learns it with the next play. */
  const chosenSpeed = ref<ReplaySpeed>(60);
  /** A seek sent but not yet answered with a snapshot: the scrubber shows it meanwhile. */
  const seekingTo = ref<number | null>(null);
  const loading = ref(false);
  const connection = ref<ReplayConnection>('connecting');
  const error = ref<string | null>(null);

  function opened(w: ReplayWindow, list: KeyMoment[]) {
    window.value = w;
    moments.value = list;
    error.value = null;
  }

  function receiveSnapshot(message: { at: number; state: LiveState }) {
    // From the wire with plain objects: the maps keyed by ids become null-prototype dictionaries.
    state.value = liveStateFromJson(message.state);
    at.value = message.at;
    hasSnapshot.value = true;
    seekingTo.value = null;
    loading.value = false;
  }

  function receiveDelta(message: { at: number; delta: StateDelta }) {
    state.value = applyDelta(state.value, message.delta);
    if (seekingTo.value === null) at.value = Math.max(at.value, message.at);
  }

  function receiveClock(message: { at: number; playing: boolean; speed: ReplaySpeed; window: ReplayWindow }) {
    if (seekingTo.value === null) at.value = message.at;
    playing.value = message.playing;
    speed.value = message.speed;
    if (message.playing) chosenSpeed.value = message.speed;
    if (message.window.to > message.window.from) window.value = message.window;
  }

  function chooseSpeed(next: ReplaySpeed) {
    chosenSpeed.value = next;
  }

  function startSeek(target: number) {
    seekingTo.value = target;
  }

  function startLoading() {
    loading.value = true;
    error.value = null;
  }

  function fail(message: string) {
    error.value = message;
    loading.value = false;
    seekingTo.value = null;
  }

  function setConnection(status: ReplayConnection) {
    connection.value = status;
    if (status === 'disconnected') playing.value = false;
  }

  return {
    state, hasSnapshot, window, moments, at, playing, speed, chosenSpeed, seekingTo, loading, connection, error,
    opened, receiveSnapshot, receiveDelta, receiveClock, chooseSpeed, startSeek, startLoading, fail, setConnection,
  };
});
