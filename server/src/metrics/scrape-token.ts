import { createHash, timingSafeEqual } from 'node:crypto';
import type { MachineToken } from '../auth/access.ts';

/** Long enough not to be guessed: `openssl rand -hex 32` gives 64 characters. */
export const MIN_SCRAPE_TOKEN_LENGTH = 32;

/**
 * The metrics scrape token: a secret Prometheus sends as its bearer token, set by the operator in
 * BEACON_METRICS_TOKEN (never a default: unset, only admins' tokens open /metrics). Only its SHA-256
 * is kept; a presented token is hashed and compared in constant time, so neither its length nor its
 * first differing byte shows in the answer's timing. A short token stops the server at start.
 */
export function scrapeToken(secret: string | undefined): MachineToken | null {
  if (secret === undefined || secret === '') return null;
  if (secret.length < MIN_SCRAPE_TOKEN_LENGTH) {
    throw new Error(`BEACON_METRICS_TOKEN must be at least ${MIN_SCRAPE_TOKEN_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`);
  }
  const expected = sha256(secret);
  return {
    name: 'the metrics scrape token (BEACON_METRICS_TOKEN)',
    accepts: (token) => timingSafeEqual(sha256(token), expected),
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
