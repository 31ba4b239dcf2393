import {
  PROTOCOL_VERSION,
  applyPatchedDelta,
  type ClientToServerEvents,
  type LiveState,
  type OutOfStep,
  type PatchedDelta,
  type ServerToClientEvents,
  type SubscribeResult,
  type ViewRef,
} from '@beacon/shared';
import { io, type Socket } from 'socket.io-client';

/**
 * A screen's-eye view: a real socket.io client that subscribes to a view and applies deltas with the
 * shared code — patches too, and like a screen it subscribes again for a snapshot when a patch is
 * out of step (`outOfStep` lists them: a test that expects none says so).
 */
export interface WatchingClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state(): LiveState;
  /** Every delta received, in order, as received (records whole in `latest`, or as `patches`). */
  deltas: PatchedDelta[];
  snapshots: number;
  /** Patches that did not apply to the record held, each answered by subscribing again without `since`. */
  outOfStep: OutOfStep[];
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
  /** A patch did not apply: the state is not trusted until the snapshot asked for arrives. */
  let awaitingSnapshot = false;
  const client = {
    socket,
    deltas: [] as PatchedDelta[],
    snapshots: 0,
    subscriptions: [] as SubscribeResult[],
    outOfStep: [] as OutOfStep[],
  };
  const waiters = new Set<() => void>();
  const held: (() => void)[] = [];
  const notify = () => waiters.forEach((w) => w());

  const subscribe = (since: number | undefined) =>
    socket.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view, ...(since !== undefined ? { since } : {}) }, (result) => {
      client.subscriptions.push(result);
      notify();
    });
  // On every (re)connect, subscribe again — resuming from the last state held, if any and trusted.
  socket.on('connect', () => subscribe(state && !awaitingSnapshot ? state.seq : undefined));
  // socket.io does not reconnect by itself after a server-side disconnect; a screen does.
  if (options.followServerDisconnect) socket.on('disconnect', (reason) => reason === 'io server disconnect' && socket.connect());
  socket.on('view:snapshot', (m, ack) => {
    state = m.state;
    awaitingSnapshot = false;
    client.snapshots += 1;
    // Snapshots are acknowledged at once: a held-back screen is modelled by its delta acks alone.
    ack();
    notify();
  });
  socket.on('view:delta', (m, ack) => {
    client.deltas.push(m.delta);
    if (awaitingSnapshot) return ack?.(); // from the subscription the new one replaced
    const applied = applyPatchedDelta(state!, m.delta);
    if (applied.outOfStep) {
      // As a screen does (useLiveConnection): nothing of the delta applied, a fresh snapshot asked for.
      client.outOfStep.push(applied.outOfStep);
      awaitingSnapshot = true;
      subscribe(undefined);
      return;
    }
    state = applied.state;
    // Protocol 5: only some deltas ask for an acknowledgement (it covers the ones before it).
    if (ack) {
      if (options.ackDeltas?.() ?? true) ack();
      else held.push(ack);
    }
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
    get outOfStep() {
      return client.outOfStep;
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
