import { PROTOCOL_VERSION, xiamen, type ProtocolError, type Region, type ViewRef } from '@beacon/shared';

export interface SubscribeRequest {
  view: ViewRef;
  since?: number;
}

/** Checks a `view:subscribe` request field by field, like the HTTP API does. */
export function parseSubscribe(input: unknown, region: Region = xiamen): SubscribeRequest | ProtocolError {
  const issues: ProtocolError['issues'] = [];
  const req = (input ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || input === null) {
    return fail([{ path: '', expected: 'an object { protocol, view, since? }', got: describe(input) }]);
  }
  if (req.protocol !== PROTOCOL_VERSION) issues.push({ path: '/protocol', expected: `${PROTOCOL_VERSION}`, got: describe(req.protocol) });
  if (req.since !== undefined && !(Number.isSafeInteger(req.since) && (req.since as number) >= 0)) {
    issues.push({ path: '/since', expected: 'a log sequence (whole number ≥ 0)', got: describe(req.since) });
  }
  const view = (req.view ?? {}) as Record<string, unknown>;
  const districts = region.districts.features.map((f) => f.properties.name);
  switch (view.kind) {
    case 'city':
      break;
    case 'district':
    case 'subdistrict':
      if (typeof view.district !== 'string' || !districts.includes(view.district)) {
        issues.push({ path: '/view/district', expected: `one of ${districts.join(', ')}`, got: describe(view.district) });
      }
      if (view.kind === 'subdistrict' && (typeof view.subdistrict !== 'string' || view.subdistrict.length === 0 || view.subdistrict.length > 64)) {
        issues.push({ path: '/view/subdistrict', expected: 'a subdistrict or town name', got: describe(view.subdistrict) });
      }
      break;
    case 'incident':
      if (typeof view.incidentId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(view.incidentId)) {
        issues.push({ path: '/view/incidentId', expected: 'an incident id', got: describe(view.incidentId) });
      }
      break;
    default:
      issues.push({ path: '/view/kind', expected: 'one of city, district, subdistrict, incident', got: describe(view.kind) });
  }
  if (issues.length) return fail(issues);
  return { view: view as unknown as ViewRef, ...(req.since !== undefined ? { since: req.since as number } : {}) };
}

function fail(issues: ProtocolError['issues']): ProtocolError {
  return { code: 'BEACON_INVALID_SUBSCRIPTION', message: `${issues.length} problem(s) in view:subscribe`, issues };
}

function describe(v: unknown): unknown {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 80)}…` : v;
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  return v;
}

export function isProtocolError(x: SubscribeRequest | ProtocolError): x is ProtocolError {
  return 'issues' in x;
}
