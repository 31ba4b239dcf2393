import type { ReplayClientEvents, ReplayServerEvents } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import fp from 'fastify-plugin';
import type { Namespace, Server } from 'socket.io';
import { guardNamespace } from '../auth/socket-auth.ts';
import { internalIssue } from '../errors/error-handler.ts';
import { momentsIn } from './moments-query.ts';
import { isError, parseAt, parseSpeed, parseWindow } from './replay-requests.ts';
import { ReplaySession } from './replay-session.ts';

/**
 * The `/replay` namespace: each reviewer's socket is its own replay session, so replay never
 * disturbs live screens (they are on the default namespace).
 */
export const replayNamespace = fp(
  async (app) => {
    const nsp = app.hub.io.of('/replay');
    guardNamespace(nsp, '/replay', { sql: app.db.sql, tokens: app.tokens, now: app.clock.now, revocations: app.revocations });
    attachReplay(app.hub.io as unknown as Server, app.db.sql, (err) => app.log.error({ err }, 'replay failed'));
    // Reviewers' sockets close with the hub's (preClose); their sessions end on disconnect.
    app.addHook('preClose', async () => {
      nsp.disconnectSockets(true);
    });
  },
  { name: 'beacon-replay', dependencies: ['beacon-core', 'beacon-credentials', 'beacon-hub'], decorators: { fastify: ['db', 'clock', 'hub', 'tokens', 'revocations'] } },
);

function attachReplay(io: Server, sql: Sql, onError: (e: unknown) => void): void {
  const nsp = io.of('/replay') as unknown as Namespace<ReplayClientEvents, ReplayServerEvents>;
  nsp.on('connection', (socket) => {
    const session = new ReplaySession(sql, (event, ...args) => socket.emit(event, ...(args as never)), onError);
    const reply = (ack: unknown) => (typeof ack === 'function' ? (ack as (r: unknown) => void) : () => {});
    const guard = (ack: unknown, work: () => Promise<unknown>) => {
      work().then(
        (result) => reply(ack)(result ?? { ok: true }),
        (e) => {
          onError(e);
          reply(ack)({ ok: false, error: { code: 'BEACON_INTERNAL', message: 'replay failed; it has been logged', issues: [internalIssue] } });
        },
      );
    };
    socket.on('replay:open', (req, ack) => {
      const w = parseWindow(req);
      if (isError(w)) return reply(ack)({ ok: false, error: w });
      guard(ack, async () => {
        const moments = await momentsIn(sql, w.from, w.to);
        await session.open(w);
        return { ok: true, window: w, moments };
      });
    });
    socket.on('replay:seek', (req, ack) => {
      const at = parseAt(req);
      if (isError(at)) return reply(ack)({ ok: false, error: at });
      guard(ack, () => session.seek(at));
    });
    socket.on('replay:play', (req, ack) => {
      const speed = parseSpeed(req);
      if (isError(speed)) return reply(ack)({ ok: false, error: speed });
      session.play(speed);
      reply(ack)({ ok: true });
    });
    socket.on('replay:pause', (_req, ack) => {
      session.pause();
      reply(ack)({ ok: true });
    });
    socket.on('disconnect', () => void session.close().catch(onError));
  });
}
