import type { Socket } from 'socket.io';

/**
 * Runs `send` (one socket.emit) and returns the bytes of the packets it wrote to the connection, as
 * socket.io encoded them. engine.io announces each packet it creates ('packetCreate', synchronously
 * within the emit), so this measures what goes out without serialising the message a second time.
 * Nothing is counted for a connection that is closing (engine.io writes nothing then).
 */
export function wireBytes(socket: Socket, send: () => void): number {
  let bytes = 0;
  const count = (packet: { data?: unknown }) => {
    const data = packet.data;
    if (typeof data === 'string') bytes += Buffer.byteLength(data);
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  };
  socket.conn.on('packetCreate', count);
  try {
    send();
  } finally {
    socket.conn.off('packetCreate', count);
  }
  return bytes;
}
