import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, xiamen } from '@beacon/shared';
import { isProtocolError, parseSubscribe } from './subscribe-request.ts';

describe('view:subscribe requests', () => {
  it('take the checked fields only', () => {
    const parsed = parseSubscribe({ protocol: PROTOCOL_VERSION, view: { kind: 'district', district: '思明区', extra: 1 }, since: 7 }, xiamen);
    expect(parsed).toEqual({ view: { kind: 'district', district: '思明区' }, since: 7 });
  });

  it('never answer a field from a prototype', () => {
    // A JSON "__proto__" key is data, not a prototype; and an object that only inherits its fields is no request.
    const wire = JSON.parse(`{"protocol":${PROTOCOL_VERSION},"__proto__":{"view":{"kind":"city"}}}`) as unknown;
    const parsed = parseSubscribe(wire, xiamen);
    expect(isProtocolError(parsed) && parsed.issues.map((i) => i.path)).toEqual(['/view/kind']);
    const inherited = Object.create({ protocol: PROTOCOL_VERSION, view: { kind: 'city' } }) as unknown;
    expect(isProtocolError(parseSubscribe(inherited, xiamen))).toBe(true);
  });
});
