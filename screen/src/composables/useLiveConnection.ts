import { onScopeDispose } from 'vue';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents, type ViewRef } from '@beacon/shared';
import { isCompatible, reloadForProtocol } from '../lib/live-sync.ts';
import { hubSocketOptions } from '../lib/socket-options.ts';
import { useLiveStore } from '../stores/live.ts';
import { useSessionStore } from '../stores/session.ts';

export type BeaconSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A refused or expired credential will not get better by retrying: forget it, so the screen shows
 * its sign-in (or, on a wall, how to pair it) with the server's reason.
 */
export function watchCredentialRefusals(socket: Socket, session: ReturnType<typeof useSessionStore>): void {
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    if (err.data?.code === 'BEACON_UNAUTHENTICATED' || err.data?.code === 'BEACON_FORBIDDEN') session.clear(err.message);
  });
  socket.on('auth:expired', () => session.clear('token expired'));
}

/**
 * Connects this screen to the hub on the same origin, subscribes to a view and feeds the live
 * store. socket.io reconnects by itself; on each reconnect the screen subscribes again from the
 * last log sequence it holds, and the server resumes with the changes since (or a fresh snapshot).
 * Disconnects when the calling component's scope ends.
 */
export function useLiveConnection(view: ViewRef = { kind: 'city' }): BeaconSocket {
  const live = useLiveStore();
  const session = useSessionStore();
  // WebSocket only (no sticky sessions needed behind a balancer); the token current at each reconnect.
  const socket: BeaconSocket = io(hubSocketOptions(() => session.token));
  watchCredentialRefusals(socket, session);

  const compatible = (protocol: number) => {
    if (isCompatible(protocol)) return true;
    reloadForProtocol(sessionStorage, Date.now(), () => location.reload());
    return false;
  };

  socket.on('connect', () => live.setConnection('connected'));
  followView(socket, live, view, compatible);
  socket.on('connect_error', () => live.setConnection('disconnected'));
  socket.on('disconnect', (reason) => {
    live.setConnection('disconnected');
    // Only a server-initiated disconnect stops socket.io's own reconnection.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('server:heartbeat', (m) => {
    if (compatible(m.protocol)) live.receiveHeartbeat(m, Date.now());
  });

  onScopeDispose(() => {
    socket.removeAllListeners();
    socket.disconnect();
  });
  return socket;
}

/**
 * Keeps the live store on `view`: subscribes on every (re)connect — resuming from the state held, when
 * it is trusted — and applies snapshots and deltas, acknowledging each once applied.
 *
 * A delta whose patch was made against a record this screen does not hold (out of step: it should
 * not happen, but a screen can miss a step) is neither applied nor acknowledged: the screen subscribes
 * again without `since`, and the hub answers with a fresh snapshot. The new subscription replaces the
 * old one on the hub, so the unacknowledged delta holds nothing up; until the snapshot comes the
 * store ignores deltas and the wall shows the state it had.
 */
export function followView(socket: BeaconSocket, live: ReturnType<typeof useLiveStore>, view: ViewRef, compatible: (protocol: number) => boolean): void {
  const subscribe = () => {
    const since = live.resumeFrom();
    socket.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view, ...(since !== undefined ? { since } : {}) }, (result) => {
      if (!result.ok) console.error('subscription refused', result.error);
    });
  };
  socket.on('connect', subscribe);
  socket.on('view:snapshot', (m, ack) => {
    if (!compatible(m.protocol)) return;
    live.receiveSnapshot(m, Date.now());
    // Always asked for: it counts in the hub's window like a delta.
    ack();
  });
  socket.on('view:delta', (m, ack) => {
    if (!compatible(m.protocol)) return;
    if (live.receiveDelta(m, Date.now()) === 'out-of-step') {
      subscribe(); // the store is out of step now: resumeFrom() says snapshot
      return;
    }
    // Acknowledge after applying, when asked (protocol 5: now and then; it covers the deltas before it). The hub
    // sends only a few messages past the last acknowledgement, so a busy screen gets merged state, not a backlog.
    ack?.();
  });
}
