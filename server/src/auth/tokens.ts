import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Sql } from '@beacon/db';
import { isRole, type Actor } from '@beacon/shared';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

// Why jose: a maintained, dependency-free JWT implementation; we use HS256 with one server secret,
// check expiry against the app's own clock (tests move it), and pin the algorithm.

const ISSUER = 'beacon';
const ALGORITHM = 'HS256';

/** A signed-in person's token lasts a duty shift; a wall kiosk's, 30 days (revocable by id). */
export const USER_TOKEN_TTL_MS = 12 * 3600_000;
export const KIOSK_TOKEN_TTL_MS = 30 * 24 * 3600_000;

export interface TokenClaims {
  actor: Actor;
  /** 'user' tokens come from sign-in; 'kiosk' tokens are minted by an admin for a wall. */
  kind: 'user' | 'kiosk';
  expiresAt: number;
  /** The token's own id (its jti): what signing out ends, on every node. */
  tokenId: string;
  /** A user token's session epoch (users.session_epoch when it was issued); 0 for kiosk tokens and older tokens. */
  sessionEpoch: number;
}

/** 'revoked': signed out (ended before its expiry; see revocations.ts). */
export type TokenProblem = 'expired' | 'invalid' | 'revoked';

export interface TokenService {
  issue(actor: Actor, kind: TokenClaims['kind'], ttlMs: number, sessionEpoch?: number): Promise<{ token: string; expiresAt: number }>;
  verify(token: string): Promise<TokenClaims | TokenProblem>;
}

/**
 * The signing key: BEACON_TOKEN_SECRET when set (at least 32 characters), else one the first node
 * made and stored, so every node and every restart accepts the same tokens.
 */
export async function loadTokenSecret(sql: Sql, fromEnv = process.env.BEACON_TOKEN_SECRET): Promise<Uint8Array> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('BEACON_TOKEN_SECRET must be at least 32 characters');
    return new TextEncoder().encode(fromEnv);
  }
  await sql`insert into server_secrets (name, value) values ('token-signing-key', ${randomBytes(32).toString('base64url')}) on conflict (name) do nothing`;
  const [row] = await sql<{ value: string }[]>`select value from server_secrets where name = 'token-signing-key'`;
  return new TextEncoder().encode(row!.value);
}

/**
 * `isRevoked` (the app passes a look-up in revoked_tokens) is asked only about tokens whose signature
 * and expiry are good; without it (the CLI, which only issues) nothing is ever revoked.
 */
export function createTokenService(secret: Uint8Array, now: () => number, isRevoked?: (tokenId: string) => Promise<boolean>): TokenService {
  return {
    async issue(actor, kind, ttlMs, sessionEpoch = 0) {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = (issuedAt + Math.floor(ttlMs / 1000)) * 1000;
      const token = await new SignJWT({ name: actor.name, role: actor.role, kind, ...(sessionEpoch ? { epoch: sessionEpoch } : {}) })
        .setProtectedHeader({ alg: ALGORITHM })
        .setIssuer(ISSUER)
        .setSubject(actor.id)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt / 1000)
        .sign(secret);
      return { token, expiresAt };
    },
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: [ALGORITHM], currentDate: new Date(now()) }));
      } catch (err) {
        return err instanceof errors.JWTExpired ? 'expired' : 'invalid';
      }
      const { sub, name, role, kind, exp, jti, epoch } = payload;
      if (typeof sub !== 'string' || typeof name !== 'string' || !isRole(role) || (kind !== 'user' && kind !== 'kiosk') || typeof exp !== 'number') {
        return 'invalid';
      }
      // Tokens issued before tokens carried a jti (kiosk tokens live 30 days) get one from their own bytes.
      const tokenId = typeof jti === 'string' && jti ? jti : `sha256:${createHash('sha256').update(token).digest('base64url')}`;
      // Outside the try: a database that does not answer is a server error, not a bad token.
      if (isRevoked && (await isRevoked(tokenId))) return 'revoked';
      const sessionEpoch = Number.isSafeInteger(epoch) ? (epoch as number) : 0;
      return { actor: { id: sub, name, role }, kind, expiresAt: exp * 1000, tokenId, sessionEpoch };
    },
  };
}
