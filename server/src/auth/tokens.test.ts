import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { endsSession } from './revocations.ts';
import { createTokenService, USER_TOKEN_TTL_MS, type TokenClaims } from './tokens.ts';

const secret = randomBytes(32);
const actor = { id: 'u-1', name: '王指挥', role: 'commander' as const };
const NOW = Date.parse('2026-09-14T08:00:00Z');

describe('token ids and revocation', () => {
  it('gives every token its own id, and asks about that id after the signature and expiry pass', async () => {
    const asked: string[] = [];
    const revoked = new Set<string>();
    const tokens = createTokenService(secret, () => NOW, async (id) => (asked.push(id), revoked.has(id)));
    const one = await tokens.issue(actor, 'user', USER_TOKEN_TTL_MS);
    const two = await tokens.issue(actor, 'user', USER_TOKEN_TTL_MS);
    const first = (await tokens.verify(one.token)) as TokenClaims;
    const second = (await tokens.verify(two.token)) as TokenClaims;
    expect(first.tokenId).not.toBe(second.tokenId);
    expect(asked).toEqual([first.tokenId, second.tokenId]);

    revoked.add(first.tokenId);
    expect(await tokens.verify(one.token)).toBe('revoked');
    expect(await tokens.verify(two.token)).toMatchObject({ actor, tokenId: second.tokenId });
  });

  it('does not ask about expired or foreign tokens', async () => {
    const asked: string[] = [];
    const tokens = createTokenService(secret, () => NOW + USER_TOKEN_TTL_MS + 1000, async (id) => (asked.push(id), false));
    const old = await createTokenService(secret, () => NOW).issue(actor, 'user', USER_TOKEN_TTL_MS);
    const foreign = await createTokenService(randomBytes(32), () => NOW + USER_TOKEN_TTL_MS).issue(actor, 'user', USER_TOKEN_TTL_MS);
    expect(await tokens.verify(old.token)).toBe('expired');
    expect(await tokens.verify(foreign.token)).toBe('invalid');
    expect(asked).toEqual([]);
  });

  it('a failing revocation look-up is an error, not a bad token', async () => {
    const tokens = createTokenService(secret, () => NOW, async () => {
      throw new Error('database unreachable');
    });
    const { token } = await tokens.issue(actor, 'user', USER_TOKEN_TTL_MS);
    await expect(tokens.verify(token)).rejects.toThrow('database unreachable');
  });

  it('a token made before tokens carried a jti gets a stable id of its own', async () => {
    const legacy = await new SignJWT({ name: 'wall', role: 'wall', kind: 'kiosk' })
      .setProtectedHeader({ alg: 'HS256' }).setIssuer('beacon').setSubject('kiosk-1')
      .setIssuedAt(NOW / 1000).setExpirationTime(NOW / 1000 + 3600).sign(secret);
    const tokens = createTokenService(secret, () => NOW, async () => false);
    const a = (await tokens.verify(legacy)) as TokenClaims;
    const b = (await tokens.verify(legacy)) as TokenClaims;
    expect(a.tokenId).toMatch(/^sha256:/);
    expect(a.tokenId).toBe(b.tokenId);
  });
});

describe('which sessions a revocation ends', () => {
  const session = { actor: { id: 'u-1' }, tokenId: 't-1' };
  it('an actor revocation ends all of that actor\'s sessions; a token revocation only that token; a key none', () => {
    expect(endsSession({ kind: 'actor', id: 'u-1' }, session)).toBe(true);
    expect(endsSession({ kind: 'actor', id: 'u-2' }, session)).toBe(false);
    expect(endsSession({ kind: 'token', id: 't-1' }, session)).toBe(true);
    expect(endsSession({ kind: 'token', id: 'u-1' }, session)).toBe(false);
    expect(endsSession({ kind: 'key', id: 'u-1' }, session)).toBe(false);
  });
  it('a password reset ends that user\'s sessions from before it, never one of the new password', () => {
    const before = { actor: { id: 'u-1' }, tokenId: 't-1', sessionEpoch: 0 };
    const after = { actor: { id: 'u-1' }, tokenId: 't-2', sessionEpoch: 1 };
    expect(endsSession({ kind: 'sessions', id: 'u-1', epoch: 1 }, before)).toBe(true);
    expect(endsSession({ kind: 'sessions', id: 'u-1', epoch: 1 }, after)).toBe(false);
    expect(endsSession({ kind: 'sessions', id: 'u-2', epoch: 1 }, before)).toBe(false);
    // A token from before session epochs existed counts as epoch 0.
    expect(endsSession({ kind: 'sessions', id: 'u-1', epoch: 1 }, { actor: { id: 'u-1' }, tokenId: 't-0' })).toBe(true);
  });
  it('a user token carries the session epoch it was issued in; a kiosk token and an older token read as 0', async () => {
    const tokens = createTokenService(secret, () => NOW, async () => false);
    const actor = { id: 'u-1', name: 'Duty', role: 'duty' as const };
    const user = (await tokens.verify((await tokens.issue(actor, 'user', 60_000, 3)).token)) as TokenClaims;
    expect(user.sessionEpoch).toBe(3);
    const first = (await tokens.verify((await tokens.issue(actor, 'user', 60_000)).token)) as TokenClaims;
    expect(first.sessionEpoch).toBe(0);
  });
});
