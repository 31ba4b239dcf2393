import { parseInstant, PROTOCOL_VERSION, REPLAY_SPEEDS, showText, type ProtocolError, type ReplaySpeed, type ReplayWindow } from '@beacon/shared';

/** The longest window one replay may open: a long typhoon response, with margin. */
export const MAX_WINDOW_MS = 14 * 24 * 3600_000;

type Issue = ProtocolError['issues'][number];

/** The shared RFC 3339 reader (offset required, 1970–9999, no leap second), as every other way in. */
function time(value: unknown, path: string, issues: Issue[]): number {
  const t = parseInstant(value);
  if (t.ok) return t.ms;
  issues.push({ path, expected: t.expected, got: typeof value === 'string' ? showText(value) : (value ?? 'nothing') });
  return NaN;
}

function fail(issues: Issue[]): ProtocolError {
  return { code: 'BEACON_INVALID_REPLAY_REQUEST', message: `${issues.length} problem(s) in the replay request`, issues };
}

export function parseWindow(input: unknown, checkProtocol = true): ReplayWindow | ProtocolError {
  const r = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  if (checkProtocol && r.protocol !== PROTOCOL_VERSION) issues.push({ path: '/protocol', expected: `${PROTOCOL_VERSION}`, got: r.protocol ?? 'nothing' });
  const from = time(r.from, '/from', issues);
  const to = time(r.to, '/to', issues);
  if (!issues.length && to <= from) issues.push({ path: '/to', expected: 'a time after /from', got: r.to });
  if (!issues.length && to - from > MAX_WINDOW_MS) issues.push({ path: '/to', expected: 'at most 14 days after /from', got: r.to });
  return issues.length ? fail(issues) : { from, to };
}

export function parseAt(input: unknown): number | ProtocolError {
  const issues: Issue[] = [];
  const at = time((input as Record<string, unknown> | null)?.at, '/at', issues);
  return issues.length ? fail(issues) : at;
}

export function parseSpeed(input: unknown): ReplaySpeed | ProtocolError {
  const speed = (input as Record<string, unknown> | null)?.speed;
  return (REPLAY_SPEEDS as readonly unknown[]).includes(speed)
    ? (speed as ReplaySpeed)
    : fail([{ path: '/speed', expected: `one of ${REPLAY_SPEEDS.join(', ')}`, got: speed ?? 'nothing' }]);
}

export function isError(x: unknown): x is ProtocolError {
  return typeof x === 'object' && x !== null && 'issues' in x;
}
