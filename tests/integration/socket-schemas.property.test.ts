import { PROTOCOL_VERSION } from '@beacon/shared';
import { ReplayOpenSchema, ReplayPlaySchema, ReplaySeekSchema, SubscribeRequestSchema } from '@beacon/shared/protocol/socket.schema.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProtocolError, parseSubscribe } from '@beacon/server/hub/subscribe-request.ts';
import { isError, parseAt, parseSpeed, parseWindow } from '@beacon/server/replay/replay-requests.ts';
import { beaconAjv } from '@beacon/server/validation/ajv-policy.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../support/test-gauges.ts';

// The socket requests are checked by hand-written parsers (they answer with issues naming each
// field); the AsyncAPI document shows the protocol's schemas. These properties tie the two: every
// request a parser accepts is valid by the documented schema, so an integrator following the
// document is never misled into thinking an accepted request is wrong (and, for the requests whose
// schema says all there is to say, the two agree both ways).

const ajv = beaconAjv();
const validates = (schema: object) => {
  const validate = ajv.compile(schema);
  return (value: unknown) => validate(value) === true;
};

const district = fc.oneof(fc.constantFrom(...testRegion().districts.features.map((f) => f.properties.name)), fc.string({ maxLength: 5 }));
const anything = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant([]), fc.constant({}));
const instant = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-09-14T08:00:00+08:00', '2026-09-14T08:00:00+08', '2026-09-14T08:00:60Z', '2026-09-14', 'yesterday'),
  anything,
);
const view = fc.oneof(
  fc.constant({ kind: 'city' }),
  fc.record({ kind: fc.constant('district'), district }),
  fc.record({ kind: fc.constant('subdistrict'), district, subdistrict: fc.string({ maxLength: 70 }) }),
  fc.record({ kind: fc.constant('incident'), incidentId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.string({ maxLength: 70 })) }),
  fc.record({ kind: fc.constantFrom('county', 'constructor', undefined) }),
  anything,
);
/** An instant written in UTC ("Z") or in Xiamen's offset ("+08:00"). */
const at = (ms: number, utc: boolean) => (utc ? new Date(ms).toISOString() : new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00'));
const protocol = fc.oneof(fc.constant(PROTOCOL_VERSION), fc.constantFrom(PROTOCOL_VERSION - 1, String(PROTOCOL_VERSION)), anything);

describe('the documented socket schemas and the parsers that check socket requests', () => {
  it('view:subscribe: every request the hub accepts is valid by the documented schema', () => {
    const documented = validates(SubscribeRequestSchema);
    const since = fc.oneof(fc.constant(undefined), fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER, -1, 1.5, '5', 2 ** 60), fc.nat(), anything);
    let accepted = 0;
    fc.assert(
      fc.property(protocol, view, since, (p, v, s) => {
        const request = { protocol: p, view: v, ...(s !== undefined ? { since: s } : {}) };
        if (isProtocolError(parseSubscribe(request, testRegion()))) return;
        accepted++;
        expect(documented(request)).toBe(true);
      }),
      { numRuns: 2000, seed: 1313 },
    );
    expect(accepted).toBeGreaterThan(50); // not vacuous
  });

  it('replay:open: every window replay accepts is valid by the documented schema', () => {
    const documented = validates(ReplayOpenSchema);
    let accepted = 0;
    // Most pairs of random times are not a window (to after from, at most 14 days): make many that are.
    const day = 24 * 3_600_000;
    const window = fc.oneof(
      fc.tuple(instant, instant),
      fc
        .tuple(fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('9000-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -day, max: 15 * day }), fc.boolean())
        .map(([from, length, utc]) => [at(from.getTime(), utc), at(from.getTime() + length, !utc)] as const),
    );
    fc.assert(
      fc.property(fc.oneof(fc.constant(PROTOCOL_VERSION), protocol), window, (p, [from, to]) => {
        const request = { protocol: p, from, to };
        if (isError(parseWindow(request))) return;
        accepted++;
        expect(documented(request)).toBe(true);
      }),
      { numRuns: 2000, seed: 1313 },
    );
    expect(accepted).toBeGreaterThan(20); // not vacuous
  });

  it('replay:seek and replay:play: the parser and the documented schema agree both ways', () => {
    const seek = validates(ReplaySeekSchema);
    const play = validates(ReplayPlaySchema);
    fc.assert(
      fc.property(instant, fc.oneof(fc.constantFrom(1, 10, 60, 600, 7, 0, '60'), anything), (at, speed) => {
        expect(seek({ at })).toBe(!isError(parseAt({ at })));
        expect(play({ speed })).toBe(!isError(parseSpeed({ speed })));
      }),
      { numRuns: 2000, seed: 1313 },
    );
  });
});
