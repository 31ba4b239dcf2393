/**
 * The one reader of times that come from outside — every ingest transport (HTTP, WebSocket stream,
 * MQTT, pull, CAP), replay `at`/`from`/`to` (HTTP and socket), audit `from`/`to`, command windows.
 *
 * Accepted: RFC 3339 `date-time` with a REQUIRED offset —
 *   YYYY-MM-DD "T" hh:mm:ss [.fraction] ( "Z" | ±hh:mm )
 * - "T" and "Z" may be lower case (RFC 3339 §5.6 note); no space instead of "T", no hour-only
 *   offset (`+08`), no `+0800`, no local time without an offset.
 * - `-00:00` is accepted and means UTC (RFC 3339 §4.3: UTC time, local offset unknown).
 * - A fraction of 1–9 digits; it is truncated to milliseconds (what JS Date and `Date.parse` do).
 * - RANGE: the instant must lie in 1970-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z. Both ends are
 *   held exactly by JS Date (±275760 years) and by PostgreSQL timestamptz (4713 BC … 294276 AD), and
 *   both print with a four-digit year (`toISOString` writes years past 9999 as "+010000", which is
 *   not RFC 3339). Nothing Beacon records happened before 1970; the negative epoch is refused so no
 *   code that sorts or subtracts times meets it. Years 0000/0001 (PostgreSQL has no year 0) and
 *   expanded years (`+275760`) are refused.
 * - LEAP SECONDS (`:60`) are REFUSED, with an expectation that says so. Every consumer downstream
 *   (the shared reducer, the screens, replay) reads stored times with `Date.parse`, which answers NaN
 *   for `:60`; mapping it silently would make a record's stored time differ from the one sent (and
 *   collide with the next second). A sender's clock that produced `23:59:60` resends `23:59:59`.
 *
 * Everything accepted reads the same instant through `Date.parse` (a property test holds it to that),
 * so code that already calls `Date.parse` on a validated time stays right.
 */

export const MIN_INSTANT_MS = 0; // 1970-01-01T00:00:00.000Z
export const MAX_INSTANT_MS = 253402300799999; // 9999-12-31T23:59:59.999Z

export const INSTANT_EXPECTED = 'a date-time (RFC 3339 with offset Z or ±hh:mm, years 1970–9999), e.g. 2026-09-14T08:05:00+08:00';

export type InstantResult = { ok: true; ms: number } | { ok: false; expected: string };

export interface InstantOptions {
  /** CAP 1.2 §3.3.2: "Z" must not be used; UTC is written -00:00. */
  forbidZ?: boolean;
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

const fail = (why: string): InstantResult => ({ ok: false, expected: `${INSTANT_EXPECTED} (${why})` });

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads an RFC 3339 time to epoch milliseconds, or says what was expected instead. */
export function parseInstant(value: unknown, opts: InstantOptions = {}): InstantResult {
  if (typeof value !== 'string') return fail('not a string');
  const m = SHAPE.exec(value);
  if (!m) {
    if (/[+-]\d{2}$/.test(value) || /[+-]\d{4}$/.test(value)) return fail('the offset must be written ±hh:mm, e.g. +08:00');
    if (/^[+-]?\d{5,}-/.test(value)) return fail('the year must have four digits');
    return fail('not of the form YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)');
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const zone = m[8]!;
  if (opts.forbidZ && (zone === 'Z' || zone === 'z')) return fail('CAP 1.2 forbids "Z": write UTC as -00:00');
  if (year < 1970) return fail(`year ${m[1]} is before 1970`);
  if (month < 1 || month > 12) return fail(`no month ${m[2]}`);
  if (day < 1 || day > daysIn(year, month)) return fail(`no day ${m[3]} in ${m[1]}-${m[2]}`);
  if (hour > 23 || minute > 59) return fail(`no time ${m[4]}:${m[5]}`);
  if (second === 60) return fail('leap seconds (:60) are not accepted; send :59');
  if (second > 59) return fail(`no second ${m[6]}`);
  let offsetMin = 0;
  if (zone.length === 6) {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return fail(`no offset ${zone}`);
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMin * 60_000;
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) return fail('outside 1970-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z');
  return { ok: true, ms };
}

/** True when `parseInstant` accepts the value (an Ajv format's shape). */
export function isInstant(value: unknown): boolean {
  return parseInstant(value).ok;
}

/** The canonical form Beacon stores: UTC, milliseconds, "Z" (what `toISOString` writes). */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
