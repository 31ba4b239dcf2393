import type { Sql } from '@beacon/db';
import { own, type ErrorBody, type Refusal, type Role } from '@beacon/shared';
import type { Namespace, Socket } from 'socket.io';
import { internalIssue } from '../errors/error-handler.ts';
import { InputError } from '../errors/input-error.ts';
import { authenticate, authorize, LIVE_READERS, REPLAY_READERS, type Principal } from './access.ts';
import { kioskSeen } from './kiosk.ts';
import { endsSession, type AccessRevocations } from './revocations.ts';
import type { TokenService } from './tokens.ts';

/** Who may connect to each namespace and send each event. An event not listed is refused. */
export const socketAccess = {
  '/': { connect: LIVE_READERS, events: { 'view:subscribe': LIVE_READERS } },
  '/replay': {
    connect: REPLAY_READERS,
    events: { 'replay:open': REPLAY_READERS, 'replay:seek': REPLAY_READERS, 'replay:play': REPLAY_READERS, 'replay:pause': REPLAY_READERS },
  },
} as const satisfies Record<string, { connect: readonly Role[]; events: Record<string, readonly Role[]> }>;

export type GuardedNamespace = keyof typeof socketAccess;

export interface SocketAuthDeps {
  sql: Sql;
  tokens: TokenService;
  now: () => number;
  revocations: AccessRevocations;
  /** How often an open wall socket notes its kiosk token as seen (default 60 s: "last seen" is read in minutes). */
  kioskSeenEveryMs?: number;
}

/** The principal a guarded socket authenticated as. */
export function principalOf(socket: Socket): Principal {
  return (socket.data as { principal: Principal }).principal;
}

/**
 * Authenticates at the handshake (`auth: { token }`), checks every incoming event's role before
 * its handler runs, and disconnects the socket when its token expires or its user or kiosk is revoked.
 */
export function guardNamespace(nsp: Namespace, name: GuardedNamespace, deps: SocketAuthDeps): void {
  const policy = socketAccess[name];
  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    authenticate(deps.sql, deps.tokens, typeof token === 'string' ? token : undefined)
      .then((principal) => {
        authorize(principal, policy.connect, `connect to the ${name} namespace`);
        (socket.data as { principal: Principal }).principal = principal;
        next();
      })
      .catch((e: unknown) => next(handshakeError(e)));
  });
  // Disconnected, the screen reconnects, is refused at the handshake and shows why (sign-in or pairing).
  deps.revocations.onRevoked((revocation) => {
    for (const socket of nsp.sockets.values()) {
      if (endsSession(revocation, principalOf(socket))) socket.disconnect(true);
    }
  });
  nsp.on('connection', (socket) => {
    const principal = principalOf(socket);
    expireAt(socket, principal.expiresAt, deps.now);
    if (principal.kind === 'kiosk') keepSeen(socket, principal.actor.id, deps);
    socket.use((packet, next) => {
      const [event, ...args] = packet as [unknown, ...unknown[]];
      // The event name comes from the client: `__proto__` or `constructor` must find no policy, not Object's.
      const allowed = typeof event === 'string' ? own(policy.events as Record<string, readonly Role[]>, event) : undefined;
      if (allowed?.includes(principal.actor.role)) {
        // Every handler takes (request, ack): whatever the client sent, the packet is made exactly that —
        // the first argument as the request, the acknowledgement (socket.io puts it last) second — so
        // an ack is answered, never read as the request, and extra arguments never shift it.
        const last = args.at(-1);
        const ackFn = typeof last === 'function' ? last : undefined;
        const request = args.length > (ackFn ? 1 : 0) ? args[0] : undefined;
        (packet as unknown[]).splice(1, Infinity, request, ...(ackFn ? [ackFn] : []));
        return next();
      }
      const ack = args.at(-1);
      const error: Refusal = allowed
        ? { code: 'BEACON_FORBIDDEN', message: `the ${principal.actor.role} role may not send ${event}`, issues: [{ path: 'event', expected: `a token with one of the roles: ${allowed.join(', ')}`, got: `a ${principal.actor.role} token` }] }
        : { code: 'BEACON_UNKNOWN_EVENT', message: `no event "${String(event)}" on ${name}`, issues: [{ path: 'event', expected: `one of ${Object.keys(policy.events).join(', ')}`, got: event }] };
      if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error });
    });
  });
}

/**
 * A wall connects once and then stays for days: its handshake alone would make its "last seen" look
 * days old. While the socket is open, note it as seen every minute (the update itself skips a token
 * written in the last minute, so a wall on both namespaces or several nodes costs no more).
 */
function keepSeen(socket: Socket, kioskId: string, deps: SocketAuthDeps): void {
  const timer = setInterval(() => {
    // A failed note only leaves "last seen" a minute older; the next tick tries again.
    kioskSeen(deps.sql, kioskId).catch(() => {});
  }, deps.kioskSeenEveryMs ?? 60_000);
  timer.unref();
  socket.on('disconnect', () => clearInterval(timer));
}

/** What a refused handshake carries to the client's connect_error: the error body, less its reason phrase and message (the Error's own). */
export type HandshakeRefusal = Pick<ErrorBody, 'statusCode' | 'code' | 'issues'>;

/** socket.io sends an Error's message and `data` to the client's connect_error. */
function handshakeError(e: unknown): Error {
  const err = new Error(e instanceof InputError ? e.message : 'authentication failed') as Error & { data: HandshakeRefusal };
  err.data = e instanceof InputError ? { statusCode: e.statusCode, code: e.code, issues: e.issues } : { statusCode: 500, code: 'BEACON_INTERNAL', issues: [internalIssue] };
  return err;
}

// setTimeout overflows past 2^31-1 ms (~24.8 days); kiosk tokens last 30 days, so wait in steps.
const MAX_TIMER_MS = 24 * 3600_000;

function expireAt(socket: Socket, expiresAt: number, now: () => number): void {
  let timer: NodeJS.Timeout;
  const check = () => {
    const left = expiresAt - now();
    if (left <= 0) {
      socket.emit('auth:expired' as never);
      socket.disconnect(true);
      return;
    }
    timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  check();
  socket.on('disconnect', () => clearTimeout(timer));
}
