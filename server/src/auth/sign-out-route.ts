import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { ErrorBody } from '@beacon/shared/schemas.ts';
import { STAFF } from './access.ts';
import { recordAudit } from './audit-log.ts';
import { pruneRevokedTokens, revokeToken } from './revocations.ts';

const SignOutReply = Type.Object({
  signedOut: Type.Literal(true),
  expiresAt: Type.Integer({ description: 'Epoch ms when the token would have expired; it is refused from now on.' }),
});

/**
 * POST /api/v1/auth/sign-out: ends the token it is called with on every node — refused from then on
 * (revoked_tokens, checked with the signature) and its open sockets closed (NOTIFY). Other tokens of
 * the same user (another tablet) stay signed in. Wall kiosk tokens are ended by an admin instead.
 */
const signOutRoutePlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { sql } = app.db;
  const { revocations } = app;
  app.post('/api/v1/auth/sign-out', {
    config: { access: STAFF },
    schema: {
      operationId: 'signOut',
      tags: ['auth'],
      summary: 'Sign out: this token stops working on every node at once, and its open connections close',
      response: { 200: SignOutReply, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    const { actor, tokenId, expiresAt } = req.principal!;
    await revokeToken(sql, { tokenId, actorId: actor.id, expiresAt });
    revocations.revoke({ kind: 'token', id: tokenId });
    await recordAudit(sql, { actor, action: 'auth.sign-out', outcome: 'ok', details: { address: req.ip } });
    // Signed-out tokens are kept only until they would have expired anyway.
    await pruneRevokedTokens(sql).catch((err: unknown) => req.log.warn({ err }, 'pruning expired revoked tokens failed'));
    return { signedOut: true as const, expiresAt };
  });
};

export const signOutRoute = fp(signOutRoutePlugin, {
  name: 'beacon-sign-out-route',
  dependencies: ['beacon-core', 'beacon-credentials', 'beacon-access-control'],
  decorators: { fastify: ['db', 'revocations'] },
  encapsulate: true,
});
