import { describe, expect, it } from 'vitest';
import { MIN_SCRAPE_TOKEN_LENGTH, scrapeToken } from './scrape-token.ts';

describe('the metrics scrape token', () => {
  const secret = 'a'.repeat(20) + 'b'.repeat(MIN_SCRAPE_TOKEN_LENGTH);

  it('accepts exactly the configured token', () => {
    const token = scrapeToken(secret)!;
    expect(token.accepts(secret)).toBe(true);
    for (const other of ['', secret.slice(0, -1), `${secret}b`, secret.toUpperCase(), `${secret.slice(0, -1)}c`]) expect(token.accepts(other), other).toBe(false);
  });

  it('is off when unset or empty: only admins then', () => {
    expect(scrapeToken(undefined)).toBeNull();
    expect(scrapeToken('')).toBeNull();
  });

  it('refuses a token short enough to guess, naming the variable and never echoing the value', () => {
    const short = 'prometheus-scrape';
    expect(() => scrapeToken(short)).toThrow(/^BEACON_METRICS_TOKEN must be at least 32 characters/);
    try {
      scrapeToken(short);
    } catch (err) {
      expect((err as Error).message).not.toContain(short);
    }
  });
});
