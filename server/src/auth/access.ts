import { bearerToken } from '../credentials/bearer.ts';
import { isDepartmentKey } from '../credentials/department-keys.ts';
import type { Sql } from '@beacon/db';
import type { Role } from '@beacon/shared';
import type { FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { InputError } from '../errors/input-error.ts';
import { kioskSeen } from './kiosk.ts';
import { userSession } from './users.ts';
import type { TokenClaims, TokenService } from './tokens.ts';

/** Who may call a route: anyone ('public'), or the listed roles. Every route must say which. */
export type Access = 'public' | readonly Role[];

/** The roles of the hall, by what they do. */
export const LIVE_READERS = ['wall', 'duty', 'commander', 'admin'] as const satisfies readonly Role[];
export const STAFF = ['duty', 'commander', 'admin'] as const satisfies readonly Role[];
export const OPERATORS = ['duty', 'commander'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];
/** Replay is for review: staff, and a wall when the console puts a replay on it. */
export const REPLAY_READERS = ['wall', 'duty', 'commander', 'admin'] as const satisfies readonly Role[];
export const DEPARTMENTS = ['department'] as const satisfies readonly Role[];

/** A secret a machine presents as its bearer token (not a JWT: it names no one and has no role). */
export interface MachineToken {
  /** What it is, for the docs: "the metrics scrape token (BEACON_METRICS_TOKEN)". */
  name: string;
  /** Constant time in the token presented. */
  accepts(token: string): boolean;
}

/** A signed-in caller: a person (user token) or a wall (kiosk token). */
export interface Principal extends TokenClaims {}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A machine's credential the route accepts besides the roles of `access` (the metrics scrape token). */
    machineToken?: MachineToken;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Routes registered by libraries that cannot carry our config: the API docs and the screen's files. */
export function libraryRouteAccess(url: string): Access | undefined {
  if (url === '/docs' || url.startsWith('/docs/')) return 'public';
  if (url === '/*') return 'public'; // @fastify/static: the built screen's JS, CSS and fonts, which hold no data
  return undefined;
}

/** Checks a bearer token (a user's or a kiosk's JWT); refuses with 401 naming what was wrong. */
export async function authenticate(sql: Sql, tokens: TokenService, token: string | undefined): Promise<Principal> {
  if (!token) throw unauthenticated('nothing', 'a token: "Authorization: Bearer <token>" from POST /api/v1/auth/sign-in, or a wall kiosk token');
  if (isDepartmentKey(token)) throw forbiddenDepartmentKey();
  const claims = await tokens.verify(token);
  if (claims === 'expired') throw unauthenticated('an expired token', 'a token that has not expired: sign in again');
  if (claims === 'invalid') throw unauthenticated('a token that is malformed or not signed by this server', 'a token issued by this server');
  if (claims === 'revoked') throw unauthenticated('a signed-out token', 'a token that has not been signed out: sign in again');
  if (claims.kind === 'kiosk' && !(await kioskSeen(sql, claims.actor.id))) throw unauthenticated('a revoked kiosk token', 'a live kiosk token');
  if (claims.kind === 'user') {
    const session = await userSession(sql, claims.actor.id, claims.sessionEpoch);
    if (session === 'inactive') throw unauthenticated('a token of a disabled or unknown user', 'a token of an active user');
    if (session === 'reset') throw unauthenticated('a token issued before the user\'s password was reset', 'a token issued since the last password reset: sign in again');
  }
  return claims;
}

export function authorize(principal: Principal, allowed: readonly Role[], what: string): void {
  if (allowed.includes(principal.actor.role)) return;
  throw new InputError(403, 'BEACON_FORBIDDEN', `the ${principal.actor.role} role may not ${what}`, [
    { path: 'authorization', expected: `a token with one of the roles: ${allowed.join(', ')}`, got: `a ${principal.actor.role} token` },
  ]);
}

function unauthenticated(got: string, expected: string): InputError {
  return new InputError(401, 'BEACON_UNAUTHENTICATED', `authentication required: ${expected}`, [{ path: 'authorization', expected, got }]);
}

function forbiddenDepartmentKey(): InputError {
  return new InputError(403, 'BEACON_FORBIDDEN', 'a department API key may only send its own data', [
    { path: 'authorization', expected: 'a user or kiosk token', got: 'a department API key' },
  ]);
}

/**
 * Every route declares `config.access`; a route that does not stops the server at start, so nothing
 * is reachable by accident. Department-only routes keep their key check (the ingest preHandlers);
 * every other non-public route gets token authentication and the role check at onRequest, before
 * its body is read.
 *
 * Every method goes through this hook, HEAD included. Fastify answers HEAD for each GET route with
 * a twin it registers from the GET's own options (so the twin carries the GET's `config.access` but
 * not the check this hook adds to the GET); the hook gives the twin its own check. We keep HEAD
 * rather than turn it off (`exposeHeadRoutes: false`): HTTP servers are expected to answer HEAD
 * wherever they answer GET, and @fastify/static registers HEAD for the screen's files itself, so
 * HEAD would exist either way; one rule for every method is simpler than a list of exceptions.
 * OPTIONS has no route at all (no CORS: the screens are served from this origin and department
 * systems call server to server), so it gets the same 404 for every path and every caller; a route
 * added for it later is checked here like any other.
 */
export const accessControl = fp(
  async (app) => {
    const { sql } = app.db;
    const { tokens } = app;
    app.addHook('onRoute', (route: RouteOptions) => {
      const access = route.config?.access ?? libraryRouteAccess(route.url);
      if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no config.access`);
      route.config = { ...route.config, access };
      if (access === 'public' || access.every((r) => r === 'department')) return;
      const machine = route.config?.machineToken;
      // The API docs say who may call it from this same declaration (server/src/docs/route-docs.ts).
      const check = async (request: FastifyRequest) => {
        const bearer = bearerToken(request.headers.authorization);
        if (machine && bearer !== undefined && machine.accepts(bearer)) return; // a machine: no principal, no role
        request.principal = await authenticate(sql, tokens, bearer);
        authorize(request.principal, access, `${request.method} ${route.url}`);
      };
      route.onRequest = [...toArray(route.onRequest), check] as RouteOptions['onRequest'];
    });
  },
  { name: 'beacon-access-control', dependencies: ['beacon-core', 'beacon-credentials'], decorators: { fastify: ['db', 'tokens'] } },
);

function toArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

