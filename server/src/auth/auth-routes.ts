import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { createDepartmentKey } from '../credentials/department-keys.ts';
import { InputError } from '../errors/input-error.ts';
import { registerSharedRateLimit } from '../rate-limits/shared-rate-limit.ts';
import { ErrorBody } from '@beacon/shared/schemas.ts';
import { ADMINS, LIVE_READERS } from './access.ts';
import { recordAudit } from './audit-log.ts';
import {
  CreateDepartmentKeyBody, CreateKioskBody, CreateUserBody, SignInBody, SignInReply,
} from './auth-schemas.ts';
import { credentialListRoutes } from './credential-list-routes.ts';
import { createKioskToken, revokeKiosk } from './kiosk.ts';
import { decoyHash, passwordMatches } from './passwords.ts';
import { USER_TOKEN_TTL_MS } from './tokens.ts';
import { PASSWORD_RULES } from './password-policy.ts';
import { createUser, disableUser, findUser, listUsers, resetPassword } from './users.ts';

/** What an admin's password reset takes (here rather than in auth-schemas.ts: only this route uses it). */
const ResetPasswordBody = Type.Object(
  { password: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'The new password (checked by the password policy); omit to have one generated.' })) },
  { additionalProperties: false },
);

const passwordPolicyText = `A chosen password must be ${PASSWORD_RULES.length}; ${PASSWORD_RULES.pattern}; ${PASSWORD_RULES.username}; and ${PASSWORD_RULES.common}. ` +
  'Otherwise the answer is 400 with an issue at /password per rule broken.';

export interface AuthRoutesOptions {
  /** Sign-in attempts per user name and address per minute (default 10). */
  signInPerMinute?: number;
  /** Sign-in attempts per address per minute, whatever the user names (default 30). */
  signInPerAddressPerMinute?: number;
}

/** Sign-in, who-am-I, and the admin's users, kiosk tokens and department keys. */
const authRoutesPlugin: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { signInPerMinute = 10, signInPerAddressPerMinute = 30 }) => {
  const { sql } = app.db;
  // Revocations: a user disabled or a kiosk revoked closes this node's sockets at once (other nodes hear it from PostgreSQL).
  const { tokens, revocations } = app;
  // Reuse @fastify/rate-limit (registered by ingest unless limits are off): its counters, in
  // PostgreSQL, so an address or a name is capped across all nodes, not per node.
  if (!app.hasDecorator('createRateLimit')) await registerSharedRateLimit(app, sql, { global: false });
  // Keys the limits by the name asked for: read from the body as sent (each limit is checked before the handler's own reading).
  const userOf = (req: FastifyRequest) => {
    const body: unknown = req.body;
    return typeof body === 'object' && body !== null && 'username' in body ? String(body.username) : '';
  };
  // Three caps, each checked (and counted) before any password hash is computed. First the address
  // whatever the names: one machine trying many user names (each an argon2 check) is capped too.
  // 30 a minute leaves room for a whole shift signing in behind one address at handover.
  const signInLimits = [
    {
      check: app.createRateLimit({ max: signInPerAddressPerMinute, timeWindow: 60_000, keyGenerator: (req) => `sign-in-address:${req.ip}` }),
      path: '', what: 'sign-in attempts per minute from one address, whatever the user names',
    },
    {
      check: app.createRateLimit({ max: signInPerMinute, timeWindow: 60_000, keyGenerator: (req) => `sign-in:${req.ip}:${userOf(req)}` }),
      path: '/username', what: 'sign-in attempts per minute for one user name from one address',
    },
    // Across addresses too: guessing one user's password from many machines is still capped.
    {
      check: app.createRateLimit({ max: signInPerMinute * 3, timeWindow: 60_000, keyGenerator: (req) => `sign-in-user:${userOf(req)}` }),
      path: '/username', what: 'sign-in attempts per minute for one user name, whatever the address',
    },
  ];

  app.post('/api/v1/auth/sign-in', {
    config: { access: 'public' },
    schema: {
      operationId: 'signIn', tags: ['auth'], summary: 'Sign in with a user name and password; returns a token valid for 12 hours',
      body: SignInBody, response: { 200: SignInReply, 401: ErrorBody, 429: ErrorBody },
    },
  }, async (req, reply) => {
    const { body } = req;
    for (const { check, path, what } of signInLimits) {
      const verdict = await check(req);
      if (!verdict.isAllowed && verdict.isExceeded) {
        reply.header('retry-after', String(verdict.ttlInSeconds));
        throw new InputError(429, 'BEACON_RATE_LIMITED', `more than ${verdict.max} ${what}; retry in ${verdict.ttlInSeconds} s`, [
          { path, expected: `at most ${verdict.max} ${what}`, got: `more than ${verdict.max} in the current minute; retry after ${verdict.ttlInSeconds} s` },
        ]);
      }
    }
    const user = await findUser(sql, body.username);
    // Compare against a decoy when the user is unknown: the answer takes as long either way.
    const matches = await passwordMatches(user?.passwordHash ?? (await decoyHash()), body.password);
    if (!user || !matches || user.disabledAt) {
      await recordAudit(sql, {
        actor: { id: user?.id ?? `unknown:${body.username}`, name: body.username, role: user?.role ?? 'duty' },
        action: 'auth.sign-in', outcome: 'refused', details: { address: req.ip },
      });
      throw new InputError(401, 'BEACON_SIGN_IN_FAILED', 'the user name or password is wrong', [
        { path: '/password', expected: 'the password of an active user', got: 'a name and password that do not match' },
      ]);
    }
    const actor = { id: user.id, name: user.displayName, role: user.role };
    const { token, expiresAt } = await tokens.issue(actor, 'user', USER_TOKEN_TTL_MS, user.sessionEpoch);
    await recordAudit(sql, { actor, action: 'auth.sign-in', outcome: 'ok', details: { address: req.ip } });
    return { token, expiresAt, actor };
  });

  await app.register(credentialListRoutes);

  app.get('/api/v1/auth/me', {
    config: { access: LIVE_READERS },
    schema: { operationId: 'getCurrentActor', tags: ['auth'], summary: 'Who this token belongs to', response: { 200: SignInReply.properties.actor } },
  }, async (req) => req.principal!.actor);

  app.get('/api/v1/users', {
    config: { access: ADMINS },
    schema: { operationId: 'listUsers', tags: ['admin'], summary: 'Users (never their password hashes)' },
  }, async () => listUsers(sql));

  app.post('/api/v1/users', {
    config: { access: ADMINS },
    schema: { operationId: 'createUser', tags: ['admin'], summary: 'Create a user; the password (given or generated) is returned once', description: passwordPolicyText, body: CreateUserBody },
  }, async (req, reply) => {
    const { body } = req;
    if (await findUser(sql, body.username)) {
      throw new InputError(409, 'BEACON_USER_EXISTS', `a user named "${body.username}" exists`, [
        { path: '/username', expected: 'a user name not yet taken', got: body.username },
      ]);
    }
    const created = await createUser(sql, body);
    await recordAudit(sql, { actor: req.principal!.actor, action: 'admin.user-created', target: body.username, outcome: 'ok', details: { role: body.role } });
    return reply.code(201).send(created);
  });

  app.post('/api/v1/users/:username/disable', {
    config: { access: ADMINS },
    schema: {
      operationId: 'disableUser', tags: ['admin'], summary: 'Disable a user: their tokens stop working and their open connections close at once; the account stays for the audit trail',
      params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
    },
  }, async (req) => {
    const { username } = req.params;
    const userId = await disableUser(sql, username);
    if (!userId) {
      throw new InputError(404, 'BEACON_UNKNOWN_USER', `no active user "${username}"`, [{ path: 'params.username', expected: 'the user name of an active user', got: username }]);
    }
    revocations.revoke({ kind: 'actor', id: userId });
    await recordAudit(sql, { actor: req.principal!.actor, action: 'admin.user-disabled', target: username, outcome: 'ok' });
    return { username, disabled: true };
  });

  app.post('/api/v1/users/:username/password', {
    config: { access: ADMINS },
    schema: {
      operationId: 'resetUserPassword', tags: ['admin'], summary: "Reset a user's password; the new password (given or generated) is returned once",
      description: `${passwordPolicyText} Every session of the old password ends: tokens issued before the reset are refused and the user's open connections close, on every node.`,
      params: Type.Object({ username: Type.String({ maxLength: 64 }) }), body: ResetPasswordBody,
    },
  }, async (req) => {
    const { username } = req.params;
    // No body at all is a reset to a generated password.
    const password = req.body?.password;
    const reset = await resetPassword(sql, username, password);
    if (!reset) {
      throw new InputError(404, 'BEACON_UNKNOWN_USER', `no active user "${username}"`, [{ path: 'params.username', expected: 'the user name of an active user', got: username }]);
    }
    revocations.revoke({ kind: 'sessions', id: reset.userId, epoch: reset.sessionEpoch });
    await recordAudit(sql, { actor: req.principal!.actor, action: 'admin.password-reset', target: username, outcome: 'ok', details: { generated: password === undefined } });
    return { username, password: reset.password };
  });

  app.delete('/api/v1/kiosk-tokens/:id', {
    config: { access: ADMINS },
    schema: { operationId: 'revokeKioskToken', tags: ['admin'], summary: 'Revoke a wall kiosk token: the wall is disconnected at once and refused from then on', params: Type.Object({ id: Type.String({ maxLength: 80 }) }) },
  }, async (req) => {
    const { id } = req.params;
    if (!(await revokeKiosk(sql, id))) {
      throw new InputError(404, 'BEACON_UNKNOWN_KIOSK', `no live kiosk token "${id}"`, [{ path: 'params.id', expected: 'the id of a live kiosk token', got: id }]);
    }
    revocations.revoke({ kind: 'actor', id });
    await recordAudit(sql, { actor: req.principal!.actor, action: 'admin.kiosk-revoked', target: id, outcome: 'ok' });
    return { id, revoked: true };
  });

  app.post('/api/v1/kiosk-tokens', {
    config: { access: ADMINS },
    schema: { operationId: 'createKioskToken', tags: ['admin'], summary: 'Mint a view-only token for a wall (30 days); open /wall#kiosk=<token> on the wall', body: CreateKioskBody },
  }, async (req, reply) => {
    const { label } = req.body;
    const kiosk = await createKioskToken(sql, tokens, label);
    await recordAudit(sql, { actor: req.principal!.actor, action: 'admin.kiosk-created', target: kiosk.id, outcome: 'ok', details: { label } });
    return reply.code(201).send({ ...kiosk, wallPath: `/wall#kiosk=${kiosk.token}` });
  });

  app.post('/api/v1/department-keys', {
    config: { access: ADMINS },
    schema: { operationId: 'createDepartmentKey', tags: ['admin'], summary: 'Create an API key for a department system; the key is returned once', body: CreateDepartmentKeyBody },
  }, async (req, reply) => {
    const { department, label } = req.body;
    const created = await createDepartmentKey(sql, department, label);
    await recordAudit(sql, { actor: req.principal!.actor, action: 'admin.department-key-created', target: department, outcome: 'ok', details: { label, keyId: created.id } });
    return reply.code(201).send(created);
  });
};

export const authRoutes = fp(authRoutesPlugin, {
  name: 'beacon-auth-routes',
  dependencies: ['beacon-core', 'beacon-credentials', 'beacon-access-control'],
  decorators: { fastify: ['db', 'tokens', 'revocations'] },
  encapsulate: true,
});
