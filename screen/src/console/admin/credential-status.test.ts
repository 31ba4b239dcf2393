import { describe, expect, it } from 'vitest';
import { credentialState, hallDateTime, lastSeen, liveFirst, wallLink } from './credential-status.ts';

const NOW = Date.parse('2026-09-14T06:00:00Z');

describe('credential status', () => {
  it('tells live, revoked and expired apart', () => {
    expect(credentialState({ revokedAt: null, expiresAt: '2026-10-14T06:00:00Z' }, NOW)).toBe('live');
    expect(credentialState({ revokedAt: '2026-09-14T05:00:00Z', expiresAt: '2026-10-14T06:00:00Z' }, NOW)).toBe('revoked');
    expect(credentialState({ revokedAt: null, expiresAt: '2026-09-14T06:00:00Z' }, NOW)).toBe('expired');
    expect(credentialState({ revokedAt: null }, NOW)).toBe('live'); // department keys do not expire
  });

  it('says never, just now (the server writes at most once a minute) or how long ago', () => {
    expect(lastSeen(null, NOW)).toEqual({ kind: 'never' });
    expect(lastSeen('2026-09-14T05:58:01Z', NOW)).toEqual({ kind: 'just-now' });
    expect(lastSeen('2026-09-14T05:58:00Z', NOW)).toEqual({ kind: 'ago', ms: 120_000 });
    expect(lastSeen('2026-09-14T03:00:00Z', NOW)).toEqual({ kind: 'ago', ms: 3 * 3600_000 });
  });

  it('lists live ones first, each group newest first', () => {
    const rows = [
      { id: 'old-live', createdAt: '2026-09-01T00:00:00Z', revokedAt: null },
      { id: 'revoked', createdAt: '2026-09-13T00:00:00Z', revokedAt: '2026-09-13T01:00:00Z' },
      { id: 'new-live', createdAt: '2026-09-12T00:00:00Z', revokedAt: null },
      { id: 'expired', createdAt: '2026-08-01T00:00:00Z', revokedAt: null, expiresAt: '2026-08-31T00:00:00Z' },
    ];
    expect(liveFirst(rows, NOW).map((r) => r.id)).toEqual(['new-live', 'old-live', 'revoked', 'expired']);
  });

  it('makes the wall link from this origin and the path the server gave', () => {
    expect(wallLink('http://10.0.0.5:3000', '/wall#kiosk=abc.def')).toBe('http://10.0.0.5:3000/wall#kiosk=abc.def');
    expect(wallLink('http://hall/', '/wall#kiosk=x')).toBe('http://hall/wall#kiosk=x');
  });

  it('shows dates in the hall\'s zone', () => {
    expect(hallDateTime('2026-09-14T00:05:00Z')).toBe('2026-09-14 08:05');
  });
});
