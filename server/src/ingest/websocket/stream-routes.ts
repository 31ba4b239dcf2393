import { DEPARTMENTS } from '../../auth/access.ts';
import type { AccessRevocations } from '../../auth/revocations.ts';
import type { Server as HttpServer } from 'node:http';
import type { Sql } from '@beacon/db';
import type { StreamReply } from '@beacon/shared/schemas.ts';
import websocket from '@fastify/websocket';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { credentialStillInUse, isCredentialLive } from '../../credentials/department-keys.ts';
import { toErrorBody } from '../../errors/error-handler.ts';
import { InputError } from '../../errors/input-error.ts';
import { BODY_LIMIT } from '../http-routes.ts';
import type { IngestPipeline } from '../pipeline.ts';
import { authenticateStream, selectProtocol } from './stream-auth.ts';
import { parseStreamMessage } from './stream-message.ts';
import { routeUpgrades } from './upgrade-router.ts';

// Why @fastify/websocket (over ws alone): the upgrade runs through Fastify's router, hooks and error
// handler, so authentication, rate limiting and the 401 body are the same code as for HTTP.

export const STREAM_PATH = '/api/v1/stream';

export interface StreamIngestOptions {
  /** Larger messages get an error reply and the socket stays open. Default 256 KiB (the HTTP body limit). */
  messageLimit?: number;
  /** ws refuses to buffer more: the socket is closed with 1009. Default 1 MiB. */
  maxPayload?: number;
  /** socket.io's path, whose upgrades are left to socket.io. Default "/socket.io/". */
  socketIoPath?: string;
  /** Besides revocations (which close a stream as soon as they commit, on any node), how often an open stream re-checks its key on its next message (a fallback). Default 30 s. */
  recheckKeyMs?: number;
}

/** What the stream reads from the app. */
interface StreamDeps extends StreamIngestOptions {
  sql: Sql;
  pipeline: IngestPipeline;
  revocations: AccessRevocations;
}

export type { StreamReply } from '@beacon/shared/schemas.ts';

type StreamSocket = Parameters<NonNullable<import('@fastify/websocket').WebsocketPluginOptions['errorHandler']>>[1];

/** Messages waiting on one socket before we stop reading it (TCP backpressure does the rest). */
const HIGH_WATER = 64;

/** GET /api/v1/stream: one WebSocket per department connection, each message a batch through the pipeline. */
const streamRoutes: FastifyPluginAsyncTypebox<StreamIngestOptions> = async (app, config) => {
  // Revocations from every node: a stream whose key is revoked closes (1008) as soon as the revocation commits, wherever it was made.
  const opts: StreamDeps = { ...config, sql: app.db.sql, pipeline: app.ingest, revocations: app.revocations };
  const messageLimit = opts.messageLimit ?? BODY_LIMIT;
  const router = routeUpgrades(app.server, { socketIoPath: opts.socketIoPath ?? '/socket.io/', paths: [STREAM_PATH] });
  app.addHook('onClose', async () => router.detach());
  // Open streams and the work each still owes: on close, each is drained before it is closed.
  const open = new Map<StreamSocket, () => Promise<void>>();
  await app.register(websocket, {
    // Graceful (instead of the plugin's plain close of every socket): stop reading, store and answer
    // what each socket already sent, then close with 1001 "going away". Runs in preClose, while the
    // database is still open; a message that arrives after is neither stored nor answered.
    preClose: async () => {
      await Promise.all([...open].map(async ([socket, drained]) => {
        socket.pause();
        await drained();
        // Reading again lets the closing handshake complete; a message read now finds the socket
        // CLOSING and is dropped unanswered (not stored: the sender's retry is safe).
        socket.close(1001, 'server shutting down');
        socket.resume();
      }));
      await new Promise<void>((resolve) => app.websocketServer.close(() => resolve()));
    },
    options: { server: router.emitter as unknown as HttpServer, maxPayload: opts.maxPayload ?? 1024 * 1024, handleProtocols: selectProtocol },
    // ws has already sent its close (1009 for an oversized frame, 1002 for a protocol error): let it finish.
    errorHandler: (error, socket, request) => {
      request.log.info({ err: error }, 'stream socket error');
      if (socket.readyState === socket.OPEN) socket.close(1011, 'server error');
    },
  });

  // `handler` + `wsHandler` rather than `websocket: true`, which @fastify/websocket hides from the API
  // docs: the integrator reading /docs finds the stream, and a plain GET is told to upgrade.
  app.route({
    method: 'GET',
    url: STREAM_PATH,
    config: { access: DEPARTMENTS },
    preHandler: authenticateStream(opts.sql),
    schema: {
      operationId: 'openIngestStream',
      tags: ['ingest: stream'],
      summary: 'WebSocket stream for continuous senders: one batch per message, one reply per message, in order',
      description: [
        'Upgrade with `Authorization: Bearer <department key>` (browsers: subprotocols `beacon.v1` and `beacon.key.<key>`).',
        'A refused upgrade is an ordinary HTTP answer (401 or 400) with the error body below, before any socket opens.',
        '',
        'Send: `{"id": "<your message id, 1–128 chars>", "category": "rain-gauge", "records": [ … ]}` — records as in the category\'s POST body.',
        `At most ${messageLimit} bytes a message.`,
        '',
        'Reply, per message and in the order sent: `{"id", "ok": true, "ack": { accepted, duplicates, records[] }}` or',
        '`{"id", "ok": false, "error": { statusCode, code, message, issues[] of { path, expected, got } }}`.',
        'A refused message stores nothing; resending a record is safe (duplicates are recognised). A key revoked mid-stream closes it with 1008 at once (on every node); messages not yet acknowledged then may or may not be stored: resend them with a live key.',
      ].join('\n'),
    },
    handler: async () => {
      throw new InputError(426, 'BEACON_UPGRADE_REQUIRED', 'this is a WebSocket endpoint: open it with a WebSocket client', [
        { path: 'headers.upgrade', expected: 'websocket (a WebSocket handshake)', got: 'a plain HTTP request' },
      ]);
    },
    wsHandler: (socket, request) => {
      const handle = messageHandler(request, opts, messageLimit, app.ingestRateLimit);
      // The key revoked, on this node or another: close now. Queued messages are not processed (the
      // chain below finds the socket closing); one already in the pipeline may commit unacknowledged.
      const keyId = request.credential!.id;
      const unsubscribe = opts.revocations.onRevoked((revocation) => {
        if (revocation.kind === 'key' && revocation.id === keyId && socket.readyState === socket.OPEN) socket.close(1008, 'key revoked');
      });
      socket.once('close', () => unsubscribe());
      // A revocation that committed between the upgrade's key check and the line above was announced
      // before anyone here listened: look once more, now that no later one can be missed.
      isCredentialLive(opts.sql, keyId)
        .then((live) => {
          if (!live && socket.readyState === socket.OPEN) socket.close(1008, 'key revoked');
        })
        .catch((err: unknown) => request.log.warn({ err }, 'stream key re-check failed'));
      let tail = Promise.resolve();
      let queued = 0;
      open.set(socket, async () => {
        // Frames ws had already buffered still arrive after pause(): wait until the chain stops growing.
        for (let seen: Promise<void> | null = null; seen !== tail; ) await (seen = tail);
      });
      socket.once('close', () => open.delete(socket));
      socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        const frame = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        if (++queued === HIGH_WATER) socket.pause();
        // One chain per socket: messages are stored and answered in the order they came.
        tail = tail
          .then(async () => {
            // The client left before we got to it: not stored, no ack — its retry on reconnect is safe.
            if (socket.readyState !== socket.OPEN) return;
            const reply = await handle(frame);
            if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
            // Only a key revoked since the upgrade answers 401 here: that stream ends (1008, policy).
            if (!reply.ok && reply.error.statusCode === 401) socket.close(1008, 'key revoked');
          })
          .catch((err: unknown) => request.log.error({ err }, 'stream message failed'))
          .finally(() => {
            if (--queued === HIGH_WATER / 2) socket.resume();
          });
      });
    },
  });
};

function messageHandler(
  request: FastifyRequest,
  opts: StreamDeps,
  messageLimit: number,
  rateLimit: ((r: FastifyRequest) => Promise<InputError | null>) | undefined,
) {
  const credential = request.credential!;
  let keyCheckedAt = Date.now();
  return async (frame: Buffer): Promise<StreamReply> => {
    const parsed = parseStreamMessage(frame, messageLimit);
    const id = parsed.ok ? parsed.message.id : parsed.id;
    if (Date.now() - keyCheckedAt >= (opts.recheckKeyMs ?? 30_000)) {
      // The key was checked at the upgrade; a stream lives for hours, so a revocation must reach it.
      if (!(await credentialStillInUse(opts.sql, credential.id))) {
        return failure(id, new InputError(401, 'BEACON_UNAUTHENTICATED', 'the API key was revoked; reconnect with a live key', [
          { path: 'authorization', expected: 'a live department API key', got: 'a revoked key' },
        ]), request);
      }
      keyCheckedAt = Date.now();
    }
    try {
      // Every message counts, well-formed or not: garbage must not be a way round the limit. The
      // count is a database write (shared by all nodes): when it fails the message is answered 500.
      const limited = await rateLimit?.(request);
      if (limited) return failure(id, limited, request);
      if (!parsed.ok) return failure(id, parsed.error, request);
      const { category, batch } = parsed.message;
      return { id, ok: true, ack: await opts.pipeline.accept(credential, category, batch) };
    } catch (err) {
      return failure(id, err, request);
    }
  };
}

function failure(id: string | null, err: unknown, request: FastifyRequest): StreamReply {
  const error = toErrorBody(err as FastifyError, undefined);
  if (error.statusCode >= 500) request.log.error({ err }, 'stream message failed');
  // The pipeline names the category as a URL part; on the stream it is a field of the message.
  error.issues = error.issues.map((i) => (i.path === 'category' ? { ...i, path: '/category' } : i));
  return { id, ok: false, error };
}

export const streamIngest = fp(streamRoutes, {
  name: 'beacon-stream-ingest',
  dependencies: ['beacon-core', 'beacon-credentials', 'beacon-ingest', 'beacon-access-control'],
  decorators: { fastify: ['db', 'ingest', 'revocations'] },
  encapsulate: true,
});
