import type { ManagerOptions, SocketOptions } from 'socket.io-client';

/**
 * How every screen connects to the hub (live and replay): the WebSocket transport from the first
 * request, never HTTP long-polling first. A polling session is a series of separate requests that
 * must all reach the node holding the session, which behind a load balancer needs sticky sessions;
 * one WebSocket is one TCP connection, so whichever node accepts it serves it to the end. A screen
 * that loses its node reconnects (through the balancer, to any node) and resubscribes from the last
 * `seq` it holds. The token is read on every (re)connect: it may have been renewed.
 */
export function hubSocketOptions(token: () => string | null): Partial<ManagerOptions & SocketOptions> {
  return {
    path: '/socket.io/',
    transports: ['websocket'],
    auth: (send) => send({ token: token() }),
  };
}
