import {
  PROTOCOL_VERSION,
  applyDelta,
  type ClientToServerEvents,
  type LiveState,
  type ServerToClientEvents,
  type StateDelta,
  type SubscribeResult,
  type ViewRef,
} from '@beacon/shared';
import { io, type Socket } from 'socket.io-client';

/** A screen's-eye view: a real socket.io client that subscribes to a view and applies deltas with the shared code. */
export interface WatchingClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state(): LiveState;
  /** Every delta received, in order. */
  deltas: StateDelta[];
  snapshots: number;
  /** How each (re)subscription was answered. */
  subscriptions: SubscribeResult[];
  /** Acknowledges the deltas held back while `ackDeltas` said no. */
  releaseAcks(): void;
  /** Resolves once the state satisfies the predicate. */
  until(predicate: (s: LiveState) => boolean, timeoutMs?: number): Promise<LiveState>;
  close(): void;
}

export async function watch(
  server: { baseUrl: string; wallToken: string },
  view: ViewRef = { kind: 'city' },
  options: {
    reconnection?: boolean;
    reconnectionDelay?: number;
    ackDeltas?: () => boolean;
    /** Connect again after the server disconnects it (a node closing), as the screens do (useLiveConnection). */
    followServerDisconnect?: boolean;
  } = {},
): Promise<WatchingClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.baseUrl, {
    transports: ['websocket'],
    auth: { token: server.wallToken },
    reconnection: options.reconnection ?? false,
    reconnectionDelay: options.reconnectionDelay ?? 50,
    reconnectionDelayMax: Math.max(200, options.reconnectionDelay ?? 0),
  });
  let state: LiveState | null = null;
  const client = {
    socket,
    deltas: [] as StateDelta[],
    snapshots: 0,
    subscriptions: [] as SubscribeResult[],
  };
  const waiters = new Set<() => void>();
  const held: (() => void)[] = [];
  const notify = () => waiters.forEach((w) => w());

  // On every (re)connect, subscribe again — resuming from the last state held, if any.
  socket.on('connect', () => {
    socket.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view, ...(state ? { since: state.seq } : {}) }, (result) => {
      client.subscriptions.push(result);
      notify();
    });
  });
  // socket.io does not reconnect by itself after a server-side disconnect; a screen does.
  if (options.followServerDisconnect) socket.on('disconnect', (reason) => reason === 'io server disconnect' && socket.connect());
  socket.on('view:snapshot', (m, ack) => {
    state = m.state;
    client.snapshots += 1;
    // Snapshots are acknowledged at once: a held-back screen is modelled by its delta acks alone.
    ack();
    notify();
  });
  socket.on('view:delta', (m, ack) => {
    client.deltas.push(m.delta);
    state = applyDelta(state!, m.delta);
    if (options.ackDeltas?.() ?? true) ack();
    else held.push(ack);
    notify();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('view:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });

  return {
    ...client,
    socket,
    get deltas() {
      return client.deltas;
    },
    get snapshots() {
      return client.snapshots;
    },
    get subscriptions() {
      return client.subscriptions;
    },
    state: () => state!,
    releaseAcks: () => held.splice(0).forEach((ack) => ack()),
    until: (predicate, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (state && predicate(state)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(state);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`state did not reach the expected condition within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
}
