import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@beacon/shared';
import type { Server, Socket } from 'socket.io';
import type { SendDeltaToMany } from './subscriptions.ts';
import { wireBytes } from './wire-bytes.ts';

/** socket.io-parser's EVENT packet type (`PacketType.EVENT`; the parser is socket.io's own dependency, not ours). */
const EVENT_PACKET = 2;

/**
 * One delta to many screens of a view, encoded once: socket.io's adapter encodes the packet and builds
 * its WebSocket frame a single time and writes the same bytes to every socket (`broadcastWithAck`,
 * the path of `io.to(room).emit(…, ack)`), where `socket.emit` per screen encoded and framed it once
 * per screen — 500 screens on ~60 views did the same JSON.stringify ~8 times over. When the screens
 * are asked for an acknowledgement (ACK_WINDOW), each one's comes back on its own, as from
 * `socket.emit`: the adapter registers the packet's ack id on every socket, and socket.io calls the
 * handler with the socket that answered as `this`. The hub lives on one node (the in-memory adapter),
 * so the broadcast reaches this node's sockets only, which is what the hub asks for.
 */
export function broadcastDelta(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  now: () => number,
  onSent?: (view: Parameters<SendDeltaToMany>[1], bytes: number, screens: number) => void,
): SendDeltaToMany {
  const namespace = io.of('/');
  return (to, view, delta) => {
    const ackOf = new Map(to.map(({ subscriber, acked }) => [subscriber.id, acked]));
    const packet = { type: EVENT_PACKET, data: ['view:delta', { protocol: PROTOCOL_VERSION, serverTime: now(), view, delta }] };
    const opts = { rooms: new Set(ackOf.keys()), except: new Set<string>(), flags: {} };
    // The subscriptions ask all of a send's screens for an acknowledgement, or none (a packet with no ack id).
    const asks = to[0]!.acked !== undefined;
    const send = () =>
      asks
        ? namespace.adapter.broadcastWithAck(packet, opts, () => {}, function (this: Socket) {
            ackOf.get(this.id)?.();
          })
        : namespace.adapter.broadcast(packet, opts);
    // The bytes are the same for every screen: counted on the first one's connection.
    const first = namespace.sockets.get(to[0]!.subscriber.id);
    const bytes = first ? wireBytes(first, send) : (send(), 0);
    // Told once for all the screens it went to (the metrics add bytes × screens): not once per screen.
    onSent?.(view, bytes, ackOf.size);
  };
}
