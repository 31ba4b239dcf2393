import type { Server as HttpServer } from 'node:http';
import { PROTOCOL_VERSION, type BeaconEvent, type ClientToServerEvents, type LiveState, type ServerToClientEvents } from '@beacon/shared';
import { Server } from 'socket.io';
import type { LiveEngine } from '../engine/live-engine.ts';

export interface HubOptions {
  /** Events are sent in batches at most this often (default 100 ms: 10 per second). */
  tickMs?: number;
  heartbeatMs?: number;
  now: () => number;
}

export interface SocketHub {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  close(): Promise<void>;
}

/**
 * Pushes live state to screens over socket.io: a snapshot on connect, then the committed events in
 * log order, batched per tick. A new screen gets the state as of the last flush, so every event
 * reaches it exactly once: either inside its snapshot or in a later batch.
 */
export function attachSocketHub(server: HttpServer, engine: LiveEngine, opts: HubOptions): SocketHub {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, { serveClient: false });
  let pending: BeaconEvent[] = [];
  let flushed: LiveState = engine.state;

  const onApplied = (events: BeaconEvent[]) => {
    pending.push(...events);
  };
  engine.on('applied', onApplied);

  io.on('connection', (socket) => {
    socket.emit('state:snapshot', { protocol: PROTOCOL_VERSION, serverTime: opts.now(), state: flushed });
  });

  const flush = () => {
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    flushed = engine.state;
    io.emit('state:events', { protocol: PROTOCOL_VERSION, serverTime: opts.now(), events });
  };
  const tick = setInterval(flush, opts.tickMs ?? 100);
  const heartbeat = setInterval(() => {
    io.emit('server:heartbeat', { protocol: PROTOCOL_VERSION, serverTime: opts.now(), seq: flushed.seq });
  }, opts.heartbeatMs ?? 5000);

  return {
    io,
    close: async () => {
      clearInterval(tick);
      clearInterval(heartbeat);
      engine.off('applied', onApplied);
      // Not io.close(): that also closes the HTTP server, which belongs to Fastify.
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}
