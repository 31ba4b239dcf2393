import { computed, ref, watch } from 'vue';
import type { ReplaySpeed, ReplayWindow } from '@beacon/shared';
import { api } from '../lib/api.ts';
import { useSessionStore } from '../stores/session.ts';
import { useReplayStore } from './store.ts';
import { useReplayConnection } from './useReplayConnection.ts';
import { defaultWindow, firstSecondWithData, iso, startWithData, windowFromSearch } from './windows.ts';

/**
 * One reviewer's replay: the window under review (from the link, else the last 6 hours), the
 * connection that plays it, and what the reviewer can do to it. The address follows the window, so
 * a reviewer can share exactly what they are looking at.
 */
export function useReplayReview(describeError: (message: string) => string) {
  const replay = useReplayStore();
  const session = useSessionStore();
  const fromLink = windowFromSearch(location.search);
  const requested = ref<ReplayWindow>(fromLink ?? defaultWindow(Date.now()));
  const controls = useReplayConnection(requested.value, describeError);

  const win = computed(() => replay.window ?? requested.value);
  /** The replay clock is "now" for everything on screen: data ages, feed silence. */
  const at = computed(() => (replay.hasSnapshot ? replay.at : win.value.from));
  const ended = computed(() => replay.hasSnapshot && !replay.playing && at.value >= win.value.to);

  // Without a window in the link, the last 6 hours may start long before the data does (a new
  // installation, a fresh simulator): ask the log when it first holds anything and start there, so a
  // first look opens on a wall with something on it. A choice made meanwhile wins.
  /** Whether the reviewer has done anything yet (opened, sought, played): then the page never moves the window. */
  let chosen = false;
  /** The log sequence the wall had at replay time t (GET /api/v1/replay/state answers { seq, state }). */
  const seqAt = async (t: number): Promise<number> =>
    (await api<{ seq: number }>(session.token, `/api/v1/replay/state?at=${encodeURIComponent(iso(t))}`)).seq;
  if (!fromLink) {
    const first = requested.value;
    firstSecondWithData(first, seqAt)
      .then((start) => {
        const w = startWithData(first, start);
        if (w !== first && !chosen) controls.open((requested.value = w));
      })
      .catch(() => undefined);
  }

  function open(w: ReplayWindow) {
    chosen = true;
    requested.value = w;
    controls.open(w);
  }
  /** An incident still open ends "now": replay has nothing after it. */
  function openIncident(w: ReplayWindow) {
    const now = Date.now();
    open({ from: w.from, to: w.to > now && now > w.from ? Math.floor(now / 1000) * 1000 : w.to });
  }
  function play() {
    chosen = true;
    if (ended.value) controls.seek(win.value.from);
    controls.play(replay.chosenSpeed);
  }
  function pause() {
    controls.pause();
  }
  function chooseSpeed(s: ReplaySpeed) {
    replay.chooseSpeed(s);
    if (replay.playing) controls.play(s);
  }
  function seek(target: number) {
    chosen = true;
    controls.seek(target);
  }

  watch(
    () => replay.window,
    (w) => {
      if (!w) return;
      const q = new URLSearchParams(location.search);
      q.set('from', iso(w.from));
      q.set('to', iso(w.to));
      history.replaceState(history.state, '', `${location.pathname}?${q.toString()}${location.hash}`);
    },
  );

  return { requested, win, at, ended, open, openIncident, play, pause, chooseSpeed, seek };
}
