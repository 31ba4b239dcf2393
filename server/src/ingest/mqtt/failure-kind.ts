/**
 * What to do with a message whose storing failed for a reason that is not a refusal (InputError).
 *
 * MQTT gives a subscriber two moves: acknowledge (the broker forgets the message) or not (the
 * broker delivers it again, and — QoS 1 delivery being in order on one session — everything behind
 * it waits). So the question for every failure is "would the same message succeed later?"
 *
 * - **Transient** (retry: no PUBACK, reconnect, the broker delivers it again): the database is away
 *   or busy — the connection was lost or refused, the server is shutting down or out of resources,
 *   a serialization failure or deadlock. Nothing about the message is wrong; acknowledging it would
 *   lose a reading the sender believes delivered. Such failures hit every message alike, so holding
 *   the queue is right: the link is unhealthy until the database is back, and it says so.
 * - **Permanent** (dead letter: answer, acknowledge, count, set aside): the message itself makes the
 *   server fail — a value PostgreSQL cannot hold (a NUL in text: SQLSTATE 22P05/22021), a constraint
 *   no retry satisfies (class 23), or a bug in our code the same payload trips again (TypeError …).
 *   Retrying it forever would block every valid message behind it and store nothing.
 * - **Unknown** (anything else): decided by asking the database a trivial question. If it answers,
 *   the database is fine and the failure belongs to the message → permanent. If not → transient.
 *
 * And a bound on the one case left: an error that looks transient, repeated for the same message
 * while the database answers (a statement timeout only this payload causes, say), becomes a dead
 * letter after MAX_TRANSIENT_ATTEMPTS — a real outage never gets there, because the probe fails.
 */
export type FailureKind = 'transient' | 'permanent' | 'unknown';

/** postgres.js' own codes for a connection that went away or never came, and Node's socket errors. */
const TRANSIENT_CODES = new Set([
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);

/**
 * SQLSTATE classes (first two characters) and codes:
 * 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown, cancel),
 * 40 transaction rollback (serialization failure, deadlock), 55P03 lock not available,
 * 58030 I/O error, 25006 read-only transaction (a failover in progress).
 */
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '53', '57', '40']);
const TRANSIENT_SQLSTATES = new Set(['55P03', '58030', '25006']);
/** 22 data exception, 23 integrity constraint violation, 42 syntax or access rule (a bug), 2B/2D/P0/XX: no retry fixes these. */
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '23', '42', '2B', '2D', 'P0']);
const PROGRAM_ERRORS = [TypeError, RangeError, SyntaxError, ReferenceError];

export const MAX_TRANSIENT_ATTEMPTS = 5;

export function failureKind(err: unknown): FailureKind {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
  if (TRANSIENT_CODES.has(code)) return 'transient';
  if (/^[0-9A-Z]{5}$/.test(code)) {
    if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2))) return 'transient';
    if (PERMANENT_SQLSTATE_CLASSES.has(code.slice(0, 2))) return 'permanent';
    return 'unknown';
  }
  if (PROGRAM_ERRORS.some((E) => err instanceof E)) return 'permanent';
  return 'unknown';
}

/** The data's own fault (class 22/23): the database's words help the sender fix it. */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/** "22P05 unsupported Unicode escape sequence (\u0000 cannot be converted to text.)", at most 300 characters. */
export function describeFailure(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown; detail?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  const code = typeof e?.code === 'string' ? `${e.code} ` : typeof e?.name === 'string' && e.name !== 'Error' ? `${e.name}: ` : '';
  const detail = typeof e?.detail === 'string' && e.detail ? ` (${e.detail})` : '';
  return `${code}${message}${detail}`.slice(0, 300);
}

export type Verdict = 'retry' | 'dead-letter';

/**
 * Decides retry or dead letter for one failed message. `attempts` is how many times in a row this
 * message (same topic and payload) has failed, this time included; `databaseAnswers` probes.
 */
export async function judgeFailure(err: unknown, attempts: number, databaseAnswers: () => Promise<boolean>): Promise<Verdict> {
  const kind = failureKind(err);
  if (kind === 'permanent') return 'dead-letter';
  if (kind === 'unknown') return (await databaseAnswers()) ? 'dead-letter' : 'retry';
  if (attempts >= MAX_TRANSIENT_ATTEMPTS && (await databaseAnswers())) return 'dead-letter';
  return 'retry';
}
