import type { Server as HttpServer } from 'node:http';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type Region,
  type LogDelta,
  type ServerToClientEvents,
  type ViewRef,
} from '@beacon/shared';
import { Server } from 'socket.io';
import type { LiveEngine } from '../engine/live-engine.ts';
import { RecentDeltas } from './recent-deltas.ts';
import { isProtocolError, parseSubscribe } from './subscribe-request.ts';
import { Subscriptions } from './subscriptions.ts';
import { broadcastDelta } from './view-broadcast.ts';
import { wireBytes } from './wire-bytes.ts';

/** What the hub sends a screen: a view's state, or the changes to it. */
export type ViewMessage = 'snapshot' | 'delta';

export interface HubOptions {
  /** Deltas go out at most this often per screen (default 100 ms: 10 per second). */
  tickMs?: number;
  heartbeatMs?: number;
  /** How many recent deltas are kept for screens that reconnect (default 3000 ticks, ~5 min at 10 Hz). */
  resumeCapacity?: number;
  now: () => number;
  region: Region;
  /** Told of every snapshot and delta sent to a screen, with the bytes written for it (the metrics count them). */
  onSent?: (view: ViewRef['kind'], message: ViewMessage, bytes: number, screens?: number) => void;
}

export interface SocketHub {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  subscriptions: Subscriptions;
  close(): Promise<void>;
}

/** Pushes live state to screens over socket.io: a view snapshot (or a resume delta), then coalesced deltas. */
export function attachSocketHub(server: HttpServer, engine: LiveEngine, opts: HubOptions): SocketHub {
  // destroyUpgrade: false — other upgrades (the ingest stream) belong to @fastify/websocket (STACK.md).
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, { serveClient: false, destroyUpgrade: false });
  const subscriptions = new Subscriptions(opts.region, () => engine.state, {
    sendDeltaToMany: broadcastDelta(io, opts.now, (view, bytes, screens) => opts.onSent?.(view.kind, 'delta', bytes, screens)),
  });
  const recent = new RecentDeltas(opts.resumeCapacity ? { deltas: opts.resumeCapacity } : {});

  const onApplied = (_events: unknown, delta: LogDelta) => {
    recent.push(delta);
    subscriptions.collect(delta);
  };
  engine.on('applied', onApplied);

  io.on('connection', (socket) => {
    socket.on('view:subscribe', (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      const parsed = parseSubscribe(request, opts.region);
      if (isProtocolError(parsed)) return reply({ ok: false, error: parsed });
      const resume = parsed.since === undefined ? null : recent.since(parsed.since, engine.state.seq);
      const mode = subscriptions.subscribe(
        {
          id: socket.id,
          sendSnapshot: (view, state, acked) => {
            const bytes = wireBytes(socket, () => socket.emit('view:snapshot', { protocol: PROTOCOL_VERSION, serverTime: opts.now(), view, state }, acked));
            opts.onSent?.(view.kind, 'snapshot', bytes);
          },
          sendDelta: (view, delta, acked) => {
            const message = { protocol: PROTOCOL_VERSION, serverTime: opts.now(), view, delta };
            const bytes = wireBytes(socket, () => (acked ? socket.emit('view:delta', message, acked) : socket.emit('view:delta', message)));
            opts.onSent?.(view.kind, 'delta', bytes);
          },
        },
        parsed.view,
        resume,
      );
      reply({ ok: true, mode, seq: engine.state.seq });
    });
    socket.on('disconnect', () => subscriptions.unsubscribe(socket.id));
  });

  const tick = setInterval(() => subscriptions.flush(), opts.tickMs ?? 100);
  const heartbeat = setInterval(() => {
    io.emit('server:heartbeat', { protocol: PROTOCOL_VERSION, serverTime: opts.now(), seq: engine.state.seq });
  }, opts.heartbeatMs ?? 5000);

  return {
    io,
    subscriptions,
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
