import { describe, expect, it } from 'vitest';
import { kioskSession, kioskTokenFromHash, parseStoredSession } from './session.ts';

const b64 = (o: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (payload: unknown) => `${b64({ alg: 'HS256' })}.${b64(payload)}.c2ln`;

describe('screen sessions', () => {
  it('takes a kiosk token from the link fragment and nothing else', () => {
    const t = jwt({ sub: 'kiosk-1', role: 'wall', exp: 2 });
    expect(kioskTokenFromHash(`#kiosk=${t}`)).toBe(t);
    expect(kioskTokenFromHash('#kiosk=<script>')).toBeNull();
    expect(kioskTokenFromHash('')).toBeNull();
  });

  it('reads a wall token\'s label and expiry, and refuses other roles', () => {
    expect(kioskSession(jwt({ sub: 'kiosk-1', name: '主屏', role: 'wall', exp: 2_000_000_000 }))).toMatchObject({
      kind: 'kiosk', expiresAt: 2_000_000_000_000, actor: { id: 'kiosk-1', name: '主屏', role: 'wall' },
    });
    expect(kioskSession(jwt({ sub: 'u', role: 'commander', exp: 2 }))).toBeNull();
    expect(kioskSession('garbage')).toBeNull();
  });

  it('drops a stored session that is expired or malformed', () => {
    const s = { token: 't', kind: 'user', expiresAt: 1000, actor: { id: 'u', name: 'n', role: 'duty' } };
    expect(parseStoredSession(JSON.stringify(s), 999)).toEqual(s);
    expect(parseStoredSession(JSON.stringify(s), 1000)).toBeNull();
    expect(parseStoredSession('{', 0)).toBeNull();
    expect(parseStoredSession(JSON.stringify({ ...s, kind: 'x' }), 0)).toBeNull();
  });
});
