import { type BeaconEvent, type ClientToServerEvents, type LiveState, type ServerToClientEvents, fold } from '@beacon/shared';
import { io, type Socket } from 'socket.io-client';

/** A screen's-eye view: a real socket.io client that folds what it receives with the shared reducer. */
export interface WatchingClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state(): LiveState;
  received: BeaconEvent[];
  /** Resolves once the folded state satisfies the predicate. */
  until(predicate: (s: LiveState) => boolean, timeoutMs?: number): Promise<LiveState>;
  close(): void;
}

export async function watch(baseUrl: string): Promise<WatchingClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, { transports: ['websocket'], reconnection: false });
  let state: LiveState | null = null;
  const received: BeaconEvent[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  socket.on('state:snapshot', (m) => {
    state = m.state;
    notify();
  });
  socket.on('state:events', (m) => {
    received.push(...m.events);
    state = fold(state!, m.events);
    notify();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('state:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    received,
    state: () => state!,
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
