import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, MAX_INSTANT_MS, MIN_INSTANT_MS, parseInstant } from './instant.ts';

const ms = (s: string, opts?: { forbidZ?: boolean }) => {
  const r = parseInstant(s, opts);
  return r.ok ? r.ms : r.expected;
};

describe('parseInstant', () => {
  it('reads the forms RFC 3339 allows, offset required', () => {
    expect(ms('2026-09-14T08:05:00+08:00')).toBe(Date.UTC(2026, 8, 14, 0, 5));
    expect(ms('2026-09-14T00:05:00Z')).toBe(Date.UTC(2026, 8, 14, 0, 5));
    expect(ms('2026-09-14t00:05:00z')).toBe(Date.UTC(2026, 8, 14, 0, 5));
    expect(ms('2026-09-14T00:05:00-00:00')).toBe(Date.UTC(2026, 8, 14, 0, 5));
    expect(ms('2026-09-13T19:35:00-04:30')).toBe(Date.UTC(2026, 8, 14, 0, 5));
    expect(ms('2026-09-14T00:05:00.123456789Z')).toBe(Date.UTC(2026, 8, 14, 0, 5, 0, 123));
    expect(ms('2026-09-14T00:05:00.5Z')).toBe(Date.UTC(2026, 8, 14, 0, 5, 0, 500));
    expect(ms('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('refuses a leap second on purpose, saying so', () => {
    expect(ms('2016-12-31T23:59:60Z')).toMatch(/leap seconds/);
    expect(ms('2017-01-01T07:59:60+08:00')).toMatch(/leap seconds/);
  });

  it('refuses an hour-only or colon-less offset, and a missing offset', () => {
    expect(ms('2026-09-14T08:05:00+08')).toMatch(/±hh:mm/);
    expect(ms('2026-09-14T08:05:00+0800')).toMatch(/±hh:mm/);
    expect(ms('2026-09-14T08:05:00')).toMatch(/not of the form/);
    expect(ms('2026-09-14 08:05:00Z')).toMatch(/not of the form/);
    expect(ms('2026-09-14T08:05:00+24:00')).toMatch(/offset/);
  });

  it('holds the documented range of years: 1970–9999', () => {
    expect(ms('0000-01-01T00:00:00Z')).toMatch(/before 1970/);
    expect(ms('0001-01-01T00:00:00+08:00')).toMatch(/before 1970/);
    expect(ms('1969-12-31T23:59:59Z')).toMatch(/before 1970/);
    expect(ms('1970-01-01T07:59:59+08:00')).toMatch(/outside/);
    expect(ms('1970-01-01T00:00:00Z')).toBe(MIN_INSTANT_MS);
    expect(ms('9999-12-31T23:59:59.999Z')).toBe(MAX_INSTANT_MS);
    expect(ms('9999-12-31T23:59:59-00:01')).toMatch(/outside/);
    expect(ms('+275760-09-13T00:00:00Z')).toMatch(/four digits/);
    expect(ms('275760-09-13T00:00:00Z')).toMatch(/four digits/);
  });

  it('refuses dates and times that do not exist', () => {
    for (const s of ['2026-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z',
      '2026-09-00T00:00:00Z', '2026-09-14T24:00:00Z', '2026-09-14T08:60:00Z', '2026-09-14T08:05:61Z']) {
      expect(parseInstant(s).ok, s).toBe(false);
    }
    expect(parseInstant(12).ok).toBe(false);
    expect(parseInstant('2026-09-14T08:05:00Z\u0000').ok).toBe(false);
  });

  it('refuses "Z" where CAP 1.2 forbids it, and takes -00:00 there', () => {
    expect(ms('2026-09-14T00:05:00Z', { forbidZ: true })).toMatch(/CAP 1.2 forbids "Z"/);
    expect(ms('2026-09-14T00:05:00-00:00', { forbidZ: true })).toBe(Date.UTC(2026, 8, 14, 0, 5));
  });

  const instant = fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS });
  const offset = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });
  /** Writes `t` in local time at `offsetMin` from UTC (the "-00:00" form for 0 when asked). */
  const write = (t: number, offsetMin: number, unknownLocal: boolean) => {
    const local = new Date(t + offsetMin * 60_000).toISOString().slice(0, 23);
    const a = Math.abs(offsetMin);
    const zone = offsetMin === 0 && unknownLocal ? '-00:00' : `${offsetMin < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    return `${local}${zone}`;
  };

  it('round-trips every instant in range through the canonical form', () => {
    fc.assert(fc.property(instant, (t) => {
      const r = parseInstant(formatInstant(t));
      return r.ok && r.ms === t;
    }));
  });

  it('reads the same instant whatever offset it is written in (when that stays in range)', () => {
    fc.assert(fc.property(instant, offset, fc.boolean(), (t, off, unknownLocal) => {
      const local = t + off * 60_000;
      fc.pre(local >= MIN_INSTANT_MS && local <= MAX_INSTANT_MS);
      const r = parseInstant(write(t, off, unknownLocal));
      return r.ok && r.ms === t;
    }));
  });

  it('agrees with Date.parse on everything it accepts (code downstream reads validated times with it)', () => {
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const candidate = fc.tuple(digits(4, 9999), digits(2, 13), digits(2, 32), fc.constantFrom('T', 't'), digits(2, 24), digits(2, 60), digits(2, 61),
      fc.option(fc.stringMatching(/^\.\d{1,9}$/), { nil: '' }), fc.constantFrom('Z', 'z', '+08:00', '-00:00', '-23:59', '+05:45', '+08', '+24:00'))
      .map(([y, mo, d, t, h, mi, s, f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`);
    fc.assert(fc.property(candidate, (s) => {
      const r = parseInstant(s);
      if (r.ok) return Date.parse(s) === r.ms;
      return true;
    }), { numRuns: 2000 });
  });

  it('never accepts a time outside the range, however written', () => {
    const outside = fc.oneof(fc.integer({ min: -8.64e15, max: MIN_INSTANT_MS - 1 }), fc.integer({ min: MAX_INSTANT_MS + 1, max: 8.64e15 }));
    fc.assert(fc.property(outside, offset, (t, off) => {
      fc.pre(Math.abs(t + off * 60_000) <= 8.64e15);
      const r = parseInstant(new Date(t).toISOString());
      const r2 = parseInstant(write(t, off, false).replace(/^[+-]0*(?=\d{4}-)/, ''));
      return !r.ok && !(r2.ok && (r2.ms < MIN_INSTANT_MS || r2.ms > MAX_INSTANT_MS));
    }));
  });
});
