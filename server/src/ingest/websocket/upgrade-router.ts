import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '@beacon/shared';

export interface UpgradeRouter {
  /** What @fastify/websocket listens on instead of the HTTP server. */
  emitter: EventEmitter;
  detach(): void;
}

/**
 * socket.io and @fastify/websocket both listen for the HTTP server's 'upgrade' (STACK.md: left to
 * itself @fastify/websocket routes socket.io's upgrades through Fastify, where they 404 and die).
 * socket.io keeps its own listener, attached with destroyUpgrade: false so it ignores other paths;
 * this hands only our stream paths to @fastify/websocket through an emitter of its own and answers
 * any other upgrade with a 404 at once, so no stray socket is left hanging.
 */
export function routeUpgrades(server: Server, opts: { socketIoPath: string; paths: string[] }): UpgradeRouter {
  const emitter = new EventEmitter();
  const paths = new Set(opts.paths);
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(opts.socketIoPath)) return; // socket.io's own listener answers it
    if (paths.has(path)) {
      emitter.emit('upgrade', req, socket, head);
      return;
    }
    const refusal: ErrorBody = {
      statusCode: 404, code: 'BEACON_NOT_FOUND', error: 'Not Found', message: `no WebSocket endpoint at ${path}`,
      issues: [{ path: 'url', expected: `one of: ${[...paths].join(', ')}`, got: path }],
    };
    const body = JSON.stringify(refusal);
    socket.on('error', () => socket.destroy());
    socket.end(
      `HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
  server.on('upgrade', onUpgrade);
  return { emitter, detach: () => server.off('upgrade', onUpgrade) };
}
