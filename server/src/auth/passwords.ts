import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Why @node-rs/argon2: argon2id is the OWASP-recommended password hash; this binding ships prebuilt
// binaries (no compiler on the user's machine) and uses its library defaults (m=19 MiB, t=2, p=1),
// which match OWASP's minimum. Salts are random per hash and stored in the PHC string.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password or a malformed stored hash; never throws on bad input. */
export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random password for a new account: 18 bytes, 24 URL-safe characters (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

let decoy: Promise<string> | undefined;
/**
 * A hash to compare against when the user does not exist, so a wrong name costs as long as a wrong
 * password. Made on the first sign-in with an unknown name, not when the module loads (the CLI and
 * every test import this file, and an argon2 hash costs tens of milliseconds and 19 MiB).
 */
export function decoyHash(): Promise<string> {
  decoy ??= hash(generatePassword());
  return decoy;
}
