import type { Sql } from '@beacon/db';

/**
 * What ended: every token of an actor (a user disabled, a kiosk revoked), one token (signed out, by
 * its jti), a department key (by its id), or a user's sessions from before a password reset (those
 * issued in an epoch below `epoch`: the sessions of the new password stand).
 */
export type Revocation = { kind: 'actor' | 'token' | 'key'; id: string } | { kind: 'sessions'; id: string; epoch: number };

/** Every node LISTENs here; the revoking statement NOTIFYs it, so PostgreSQL delivers it at commit. */
export const REVOKED_CHANNEL = 'beacon_revoked';

/**
 * SQL (a fragment for a `select … from <revoked rows>`) that NOTIFYs one revocation per row. Used in
 * the same statement as the durable write: the notification leaves only if the write commits, and
 * then reaches every node — including ones another process (the CLI) never talks to.
 */
export function notifyRevoked(sql: Sql, kind: Revocation['kind'], column: string) {
  return sql`pg_notify(${REVOKED_CHANNEL}, json_build_object('kind', ${kind}::text, 'id', ${sql(column)})::text)`;
}

/**
 * NOTIFYs that a user's sessions before `epochColumn` ended (a password reset), for a
 * `select … from <reset rows>`, like notifyRevoked.
 */
export function notifySessionsEnded(sql: Sql, idColumn: string, epochColumn: string) {
  return sql`pg_notify(${REVOKED_CHANNEL}, json_build_object('kind', 'sessions', 'id', ${sql(idColumn)}, 'epoch', ${sql(epochColumn)})::text)`;
}

/** Whether a revocation ends a session held by this actor with this token. */
export function endsSession(revocation: Revocation, session: { actor: { id: string }; tokenId?: string; sessionEpoch?: number }): boolean {
  if (revocation.kind === 'sessions') return session.actor.id === revocation.id && (session.sessionEpoch ?? 0) < revocation.epoch;
  if (revocation.kind === 'actor') return session.actor.id === revocation.id;
  if (revocation.kind === 'token') return session.tokenId === revocation.id;
  return false;
}

function parseRevocation(payload: string): Revocation | null {
  try {
    const v = JSON.parse(payload) as { kind?: unknown; id?: unknown; epoch?: unknown };
    if ((v.kind === 'actor' || v.kind === 'token' || v.kind === 'key') && typeof v.id === 'string') return { kind: v.kind, id: v.id };
    if (v.kind === 'sessions' && typeof v.id === 'string' && Number.isSafeInteger(v.epoch)) return { kind: 'sessions', id: v.id, epoch: v.epoch as number };
  } catch {
    /* not ours */
  }
  return null;
}

export interface RevocationOptions {
  /**
   * Re-read what was revoked lately this often (ms), for a notification lost with the LISTEN
   * connection (postgres.js re-listens, and a re-listen sweeps at once; this covers a re-listen
   * that itself failed). Default 30 s.
   */
  sweepMs?: number;
  onError?: (error: unknown) => void;
}

/** How far back a sweep looks before the last one: a revoking transaction may start well before it commits. */
const SWEEP_MARGIN = '10 minutes';

/**
 * Announces, on every node sharing the database, that access ended — so the sockets and ingest
 * streams it holds open are cut within a second rather than when its token expires (up to 30 days
 * for a wall). Refusing the credential afterwards needs none of this: every request, handshake and
 * upgrade checks the tables (users, kiosk_tokens, revoked_tokens, department_keys).
 *
 * Without `sql` (unit use) it is in-process only.
 */
export class AccessRevocations {
  readonly #listeners = new Set<(revocation: Revocation) => void>();
  #listener: { unlisten(): Promise<void> } | null = null;
  #timer: NodeJS.Timeout | null = null;
  /** The database's time of the last sweep (or of the first LISTEN): the next sweep reads from before it. */
  #sweptFrom: string | null = null;
  #stopped = false;

  constructor(
    private readonly sql?: Sql,
    private readonly opts: RevocationOptions = {},
  ) {}

  /** LISTENs; from then on every revocation committed by any node or process reaches `onRevoked`. */
  async start(): Promise<void> {
    if (!this.sql) return;
    const sql = this.sql;
    let listening = false;
    this.#listener = await sql.listen(
      REVOKED_CHANNEL,
      (payload) => {
        const revocation = parseRevocation(payload);
        if (revocation) this.#emit(revocation);
      },
      // Called again whenever postgres.js re-listens on a new connection: notifications sent while
      // it was away are lost, so read back what was revoked meanwhile.
      () => {
        if (listening) void this.sweep().catch((e: unknown) => this.opts.onError?.(e));
        listening = true;
      },
    );
    const [row] = await sql<{ now: string }[]>`select now()::text as now`;
    this.#sweptFrom = row!.now;
    this.#timer = setInterval(() => void this.sweep().catch((e: unknown) => this.opts.onError?.(e)), this.opts.sweepMs ?? 30_000);
    this.#timer.unref();
    await pruneRevokedTokens(sql).catch((e: unknown) => this.opts.onError?.(e));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#listener?.unlisten().catch(() => {});
  }

  /**
   * Tells this node's sockets and streams at once (the NOTIFY that the revoking statement sent
   * reaches every node, this one included, a moment later; a second close is a no-op).
   */
  revoke(revocation: Revocation): void {
    this.#emit(revocation);
  }

  /** Calls `listener` with each revocation; returns the unsubscribe. */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Re-announces everything revoked since shortly before the last sweep (a repeat is harmless). */
  async sweep(): Promise<void> {
    if (!this.sql || this.#stopped || this.#sweptFrom === null) return;
    const sql = this.sql;
    const since = this.#sweptFrom;
    const [clock] = await sql<{ now: string }[]>`select now()::text as now`;
    const rows = await sql<{ kind: Revocation['kind']; id: string; epoch: number | null }[]>`
      select 'actor' as kind, id, null::int as epoch from users where disabled_at >= ${since}::timestamptz - ${SWEEP_MARGIN}::interval
      union all select 'sessions', id, session_epoch from users where sessions_ended_at >= ${since}::timestamptz - ${SWEEP_MARGIN}::interval
      union all select 'actor', id, null from kiosk_tokens where revoked_at >= ${since}::timestamptz - ${SWEEP_MARGIN}::interval
      union all select 'token', jti, null from revoked_tokens where revoked_at >= ${since}::timestamptz - ${SWEEP_MARGIN}::interval
      union all select 'key', id, null from department_keys where revoked_at >= ${since}::timestamptz - ${SWEEP_MARGIN}::interval`;
    this.#sweptFrom = clock!.now;
    // A reset's sessions carry the epoch they ended below: a sweep never ends a session of the new password.
    for (const r of rows) this.#emit(r.kind === 'sessions' ? { kind: 'sessions', id: r.id, epoch: r.epoch ?? 0 } : { kind: r.kind, id: r.id });
  }

  #emit(revocation: Revocation): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(revocation);
      } catch (e) {
        this.opts.onError?.(e);
      }
    }
  }
}

/**
 * Ends one token on every node (sign-out): recorded by its jti until it would have expired anyway,
 * and announced in the same statement. False if it was already ended.
 */
export async function revokeToken(sql: Sql, token: { tokenId: string; actorId: string; expiresAt: number }): Promise<boolean> {
  const rows = await sql`
    with ended as (
      insert into revoked_tokens (jti, actor_id, expires_at) values (${token.tokenId}, ${token.actorId}, ${new Date(token.expiresAt).toISOString()})
      on conflict (jti) do nothing returning jti
    )
    select ${notifyRevoked(sql, 'token', 'jti')} from ended`;
  return rows.length > 0;
}

/** Whether a token was ended before its expiry. */
export async function tokenIsRevoked(sql: Sql, tokenId: string): Promise<boolean> {
  const rows = await sql`select 1 from revoked_tokens where jti = ${tokenId}`;
  return rows.length > 0;
}

/** Drops rows of tokens that have expired: the signature check refuses them by itself now. */
export async function pruneRevokedTokens(sql: Sql): Promise<number> {
  const rows = await sql`delete from revoked_tokens where expires_at < now() returning jti`;
  return rows.length;
}
