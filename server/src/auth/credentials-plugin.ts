import fp from 'fastify-plugin';
import { AccessRevocations, tokenIsRevoked } from './revocations.ts';
import { createTokenService, loadTokenSecret, type TokenService } from './tokens.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Issues and checks user and kiosk tokens. */
    tokens: TokenService;
    /** Ended access, announced to and heard from every node. */
    revocations: AccessRevocations;
  }
}

export interface CredentialsOptions {
  /** Token-signing secret (≥ 32 characters); default BEACON_TOKEN_SECRET, else one kept in the database. */
  tokenSecret?: string | undefined;
  /** How often a node re-reads recent revocations in case a notification was lost (default 30 s). */
  revocationSweepMs?: number | undefined;
}

/**
 * Tokens and their ends. Ended access (a user disabled, a kiosk or department key revoked, a
 * sign-out) reaches every node through PostgreSQL: open sockets and streams close; the tables refuse
 * the credential after.
 */
export const credentials = fp<CredentialsOptions>(
  async (app, opts) => {
    const { sql } = app.db;
    const revocations = new AccessRevocations(sql, {
      ...(opts.revocationSweepMs ? { sweepMs: opts.revocationSweepMs } : {}),
      onError: (err) => app.log.warn({ err }, 'reading recent revocations failed; retrying'),
    });
    await revocations.start();
    app.decorate('revocations', revocations);
    app.addHook('onClose', async () => revocations.stop());
    app.decorate('tokens', createTokenService(await loadTokenSecret(sql, opts.tokenSecret), app.clock.now, (id) => tokenIsRevoked(sql, id)));
  },
  { name: 'beacon-credentials', dependencies: ['beacon-core'], decorators: { fastify: ['db', 'clock'] } },
);
