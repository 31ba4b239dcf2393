import { parseInstant, PROTOCOL_VERSION, REPLAY_SPEEDS, showText, type Issue, type Refusal, type ReplaySpeed, type ReplayWindow } from '@beacon/shared';

/** The longest window one replay may open: a long typhoon response, with margin. */
export const MAX_WINDOW_MS = 14 * 24 * 3600_000;

/** The shared RFC 3339 reader (offset required, 1970–9999, no leap second), as every other way in. */
function time(value: unknown, path: string, issues: Issue[]): number {
  const t = parseInstant(value);
  if (t.ok) return t.ms;
  issues.push({ path, expected: t.expected, got: typeof value === 'string' ? showText(value) : (value ?? 'nothing') });
  return NaN;
}

function fail(issues: Issue[]): Refusal {
  return { code: 'BEACON_INVALID_REPLAY_REQUEST', message: `${issues.length} problem(s) in the replay request`, issues };
}

/** A replay:open request (a socket's: unchecked) as a window, or its refusal. */
export function parseWindow(input: unknown): ReplayWindow | Refusal {
  const r = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  if (r.protocol !== PROTOCOL_VERSION) issues.push({ path: '/protocol', expected: `${PROTOCOL_VERSION}`, got: r.protocol ?? 'nothing' });
  const from = time(r.from, '/from', issues);
  const to = time(r.to, '/to', issues);
  return issues.length ? fail(issues) : windowOf(from, to, r.to);
}

/** Two instants as a replay window: `to` after `from`, at most MAX_WINDOW_MS later (`shown`: `to` as it was sent). */
export function windowOf(from: number, to: number, shown: unknown, paths = { from: '/from', to: '/to' }): ReplayWindow | Refusal {
  if (to <= from) return fail([{ path: paths.to, expected: `a time after ${paths.from}`, got: shown }]);
  if (to - from > MAX_WINDOW_MS) return fail([{ path: paths.to, expected: `at most 14 days after ${paths.from}`, got: shown }]);
  return { from, to };
}

export function parseAt(input: unknown): number | Refusal {
  const issues: Issue[] = [];
  const at = time((input as Record<string, unknown> | null)?.at, '/at', issues);
  return issues.length ? fail(issues) : at;
}

export function parseSpeed(input: unknown): ReplaySpeed | Refusal {
  const speed = (input as Record<string, unknown> | null)?.speed;
  return (REPLAY_SPEEDS as readonly unknown[]).includes(speed)
    ? (speed as ReplaySpeed)
    : fail([{ path: '/speed', expected: `one of ${REPLAY_SPEEDS.join(', ')}`, got: speed ?? 'nothing' }]);
}

export function isError(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'issues' in x;
}
