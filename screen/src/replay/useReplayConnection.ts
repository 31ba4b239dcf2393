import { onScopeDispose } from 'vue';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ReplayClientEvents, type ReplayServerEvents, type ReplaySpeed, type ReplayWindow } from '@beacon/shared';
import { useReplayStore } from './store.ts';
import { useSessionStore } from '../stores/session.ts';
import { watchCredentialRefusals } from '../composables/useLiveConnection.ts';
import { hubSocketOptions } from '../lib/socket-options.ts';
import { iso } from './windows.ts';

export type ReplaySocket = Socket<ReplayServerEvents, ReplayClientEvents>;

export interface ReplayControls {
  open(w: ReplayWindow): void;
  seek(at: number): void;
  play(speed: ReplaySpeed): void;
  pause(): void;
}

/**
 * This reviewer's replay session on the `/replay` namespace of the same origin, feeding the replay
 * store. The server keeps no session across a reconnect, so after one the window is opened again and
 * the replay resumes where it was (and plays on if it was playing). Disconnects when the calling
 * component's scope ends.
 */
export function useReplayConnection(initial: ReplayWindow, describe: (message: string) => string = (m) => m): ReplayControls {
  const replay = useReplayStore();
  const session = useSessionStore();
  const socket: ReplaySocket = io('/replay', hubSocketOptions(() => session.token));
  watchCredentialRefusals(socket as never, session);
  /** What the reviewer asked for last, to restore after a reconnect. */
  let wanted: ReplayWindow = initial;
  let resumeAt: number | null = null;
  let resumePlaying = false;

  const refused = (error: { message: string }) => replay.fail(describe(error.message));

  function open(w: ReplayWindow, thenSeek: number | null = null, thenPlay = false) {
    wanted = w;
    replay.startLoading();
    socket.emit('replay:open', { protocol: PROTOCOL_VERSION, from: iso(w.from), to: iso(w.to) }, (result) => {
      if (!result.ok) return refused(result.error);
      replay.opened(result.window, result.moments);
      if (thenSeek !== null && thenSeek > result.window.from && thenSeek <= result.window.to) seek(thenSeek);
      if (thenPlay) play(replay.speed);
    });
  }

  function seek(at: number) {
    replay.startSeek(at);
    socket.emit('replay:seek', { at: iso(at) }, (result) => {
      if (!result.ok) refused(result.error);
    });
  }

  function play(speed: ReplaySpeed) {
    socket.emit('replay:play', { speed }, (result) => {
      if (!result.ok) refused(result.error);
    });
  }

  function pause() {
    socket.emit('replay:pause', {}, (result) => {
      if (!result.ok) refused(result.error);
    });
  }

  socket.on('connect', () => {
    replay.setConnection('connected');
    open(wanted, resumeAt, resumePlaying);
    resumeAt = null;
    resumePlaying = false;
  });
  socket.on('connect_error', () => replay.setConnection('disconnected'));
  socket.on('disconnect', (reason) => {
    if (replay.hasSnapshot) {
      resumeAt = replay.at;
      resumePlaying = replay.playing;
    }
    replay.setConnection('disconnected');
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('replay:snapshot', (m) => replay.receiveSnapshot(m));
  socket.on('replay:delta', (m) => replay.receiveDelta(m));
  socket.on('replay:clock', (m) => replay.receiveClock(m));

  onScopeDispose(() => {
    socket.removeAllListeners();
    socket.disconnect();
  });

  return { open: (w) => open(w), seek, play, pause };
}
