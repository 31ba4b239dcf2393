/**
 * Delivers one batch to Beacon's ingest the way a careful department system should: retry the SAME
 * body on network errors and 5xx (Beacon answers a repeat with "duplicate", so nothing is stored
 * twice), wait as told on 429, and give up at once on any other 4xx, which no retry can fix.
 */

export interface SimulatorLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export interface Delivery {
  /** Which feed this is, at the head of every log line ("simulator (rain-gauge)"). */
  label: string;
  url: string;
  apiKey: string;
  fetch: typeof fetch;
  log: SimulatorLog;
  backoff: Backoff;
  requestTimeoutMs: number;
  /** Aborted by stop(): ends the request or the wait in progress. */
  signal: AbortSignal;
  /** The last rejection logged, so a key that is wrong every tick is reported once, not every 5 s. */
  lastRejection: { line: string };
}

type Outcome =
  | { kind: 'stored'; accepted: number; duplicates: number }
  | { kind: 'retry'; reason: string; waitMs?: number }
  | { kind: 'rejected'; line: string };

const MAX_RETRY_AFTER_MS = 10 * 60_000;
const MAX_ISSUES_IN_LOG = 5;

/** Resolves when the batch is stored, rejected, or stop() aborts; never rejects. */
export async function deliverBatch(delivery: Delivery, body: string): Promise<void> {
  const { log, signal, backoff } = delivery;
  let failures = 0;
  while (!signal.aborted) {
    const outcome = await postOnce(delivery, body);
    if (signal.aborted) return;
    if (outcome.kind === 'stored') {
      if (failures > 0) {
        log.info(`${delivery.label}: batch delivered after ${failures + 1} attempts (${outcome.accepted} stored, ${outcome.duplicates} duplicates)`);
      }
      delivery.lastRejection.line = '';
      return;
    }
    if (outcome.kind === 'rejected') {
      if (outcome.line !== delivery.lastRejection.line) log.warn(outcome.line);
      delivery.lastRejection.line = outcome.line;
      return;
    }
    failures++;
    const waitMs = outcome.waitMs ?? backoffDelay(backoff, failures);
    log.warn(`${delivery.label}: ${outcome.reason}; retrying the same batch in ${(waitMs / 1000).toFixed(1)} s (attempt ${failures + 1})`);
    await sleep(waitMs, signal);
  }
}

/** 0.5 s, 1 s, 2 s … up to the cap, ±25% jitter so many simulators do not retry in lockstep. */
export function backoffDelay(backoff: Backoff, failures: number): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(failures - 1, 30));
  return Math.min(backoff.maxMs, Math.round(base * (0.75 + Math.random() * 0.5)));
}

async function postOnce(delivery: Delivery, body: string): Promise<Outcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), delivery.requestTimeoutMs);
  try {
    const response = await delivery.fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${delivery.apiKey}` },
      body,
      signal: AbortSignal.any([delivery.signal, timeout.signal]),
    });
    // Always read the body: it frees the connection for keep-alive and carries the reasons.
    const text = await response.text();
    return classify(delivery.label, response, text);
  } catch (error) {
    const reason = timeout.signal.aborted
      ? `no answer within ${delivery.requestTimeoutMs} ms`
      : `network error (${describeError(error)})`;
    return { kind: 'retry', reason };
  } finally {
    clearTimeout(timer);
  }
}

function classify(label: string, response: Response, text: string): Outcome {
  const status = response.status;
  if (status >= 200 && status < 300) {
    const json = parseJson(text) as { accepted?: unknown; duplicates?: unknown } | undefined;
    return {
      kind: 'stored',
      accepted: typeof json?.accepted === 'number' ? json.accepted : 0,
      duplicates: typeof json?.duplicates === 'number' ? json.duplicates : 0,
    };
  }
  if (status === 429) {
    const waitMs = parseRetryAfter(response.headers.get('retry-after'));
    return { kind: 'retry', reason: '429 Too Many Requests', ...(waitMs === undefined ? {} : { waitMs }) };
  }
  if (status >= 400 && status < 500) return { kind: 'rejected', line: rejectionLine(label, status, text) };
  return { kind: 'retry', reason: `${status} ${response.statusText}`.trim() };
}

/** Retry-After is either delay-seconds or an HTTP date; a fractional number of seconds is accepted too. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - nowMs;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)));
}

interface ErrorBodyShape {
  code?: unknown;
  message?: unknown;
  issues?: { path?: unknown; expected?: unknown; got?: unknown }[];
}

/** One line an integrator can act on: status, Beacon's code and message, and where the body was wrong. */
function rejectionLine(label: string, status: number, text: string): string {
  const json = parseJson(text) as ErrorBodyShape | undefined;
  const head = `${label}: batch rejected with ${status}, not retried`;
  if (!json || typeof json !== 'object') return `${head}: ${text.slice(0, 200) || '(empty body)'}`;
  const code = typeof json.code === 'string' ? ` ${json.code}` : '';
  const message = typeof json.message === 'string' ? ` ${json.message}` : '';
  const issues = Array.isArray(json.issues) ? json.issues : [];
  const listed = issues
    .slice(0, MAX_ISSUES_IN_LOG)
    .map((issue) => `${String(issue.path)} expected ${String(issue.expected)}, got ${JSON.stringify(issue.got)}`);
  if (issues.length > MAX_ISSUES_IN_LOG) listed.push(`… ${issues.length - MAX_ISSUES_IN_LOG} more`);
  return `${head}:${code}${message}${listed.length ? ` — ${listed.join('; ')}` : ''}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici wraps the real reason (ECONNREFUSED, socket hang up …) in `cause`.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
