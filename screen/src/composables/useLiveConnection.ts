import { onScopeDispose } from 'vue';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@beacon/shared';
import { isCompatible, reloadForProtocol } from '../lib/live-sync.ts';
import { useLiveStore } from '../stores/live.ts';

export type BeaconSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects this screen to the hub on the same origin and feeds the live store. socket.io
 * reconnects by itself; each reconnect brings a fresh snapshot. Disconnects when the calling
 * component's scope ends.
 */
export function useLiveConnection(): BeaconSocket {
  const live = useLiveStore();
  const socket: BeaconSocket = io({ path: '/socket.io/' });

  const compatible = (protocol: number) => {
    if (isCompatible(protocol)) return true;
    reloadForProtocol(sessionStorage, Date.now(), () => location.reload());
    return false;
  };

  socket.on('connect', () => live.setConnection('connected'));
  socket.on('connect_error', () => live.setConnection('disconnected'));
  socket.on('disconnect', (reason) => {
    live.setConnection('disconnected');
    // Only a server-initiated disconnect stops socket.io's own reconnection.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('state:snapshot', (m) => {
    if (compatible(m.protocol)) live.receiveSnapshot(m, Date.now());
  });
  socket.on('state:events', (m) => {
    if (compatible(m.protocol)) live.receiveEvents(m, Date.now());
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
