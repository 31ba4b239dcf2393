import { PROTOCOL_VERSION, own, type Issue, type Refusal, type Region, type ViewRef } from '@beacon/shared';

export interface SubscribeRequest {
  view: ViewRef;
  since?: number;
}

/** Checks a `view:subscribe` request field by field, like the HTTP API does. */
export function parseSubscribe(input: unknown, region: Region): SubscribeRequest | Refusal {
  const issues: Issue[] = [];
  // Fields are read as own properties: a request is JSON from outside, and `constructor` or
  // `toString` must not be answered from Object.prototype.
  const req = (input ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || input === null) {
    return fail([{ path: '', expected: 'an object { protocol, view, since? }', got: describe(input) }]);
  }
  const protocol = own(req, 'protocol');
  const since = own(req, 'since');
  if (protocol !== PROTOCOL_VERSION) issues.push({ path: '/protocol', expected: `${PROTOCOL_VERSION}`, got: describe(protocol) });
  if (since !== undefined && !(Number.isSafeInteger(since) && (since as number) >= 0)) {
    issues.push({ path: '/since', expected: 'a log sequence (whole number ≥ 0)', got: describe(since) });
  }
  const rawView = own(req, 'view');
  const view = (typeof rawView === 'object' && rawView !== null ? rawView : {}) as Record<string, unknown>;
  const kind = own(view, 'kind');
  const district = own(view, 'district');
  const subdistrict = own(view, 'subdistrict');
  const incidentId = own(view, 'incidentId');
  const districts = region.districts.features.map((f) => f.properties.name);
  switch (kind) {
    case 'city':
      break;
    case 'district':
    case 'subdistrict':
      if (typeof district !== 'string' || !districts.includes(district)) {
        issues.push({ path: '/view/district', expected: `one of ${districts.join(', ')}`, got: describe(district) });
      }
      if (kind === 'subdistrict' && (typeof subdistrict !== 'string' || subdistrict.length === 0 || subdistrict.length > 64)) {
        issues.push({ path: '/view/subdistrict', expected: 'a subdistrict or town name', got: describe(subdistrict) });
      }
      break;
    case 'incident':
      if (typeof incidentId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(incidentId)) {
        issues.push({ path: '/view/incidentId', expected: 'an incident id', got: describe(incidentId) });
      }
      break;
    default:
      issues.push({ path: '/view/kind', expected: 'one of city, district, subdistrict, incident', got: describe(kind) });
  }
  if (issues.length) return fail(issues);
  // A fresh object of the checked fields only: nothing else the client sent rides along.
  const checked: ViewRef =
    kind === 'city' ? { kind } : kind === 'district' ? { kind, district: district as string }
    : kind === 'subdistrict' ? { kind, district: district as string, subdistrict: subdistrict as string }
    : { kind: 'incident', incidentId: incidentId as string };
  return { view: checked, ...(since !== undefined ? { since: since as number } : {}) };
}

function fail(issues: Issue[]): Refusal {
  return { code: 'BEACON_INVALID_SUBSCRIPTION', message: `${issues.length} problem(s) in view:subscribe`, issues };
}

function describe(v: unknown): unknown {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 80)}…` : v;
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  return v;
}

export function isProtocolError(x: SubscribeRequest | Refusal): x is Refusal {
  return 'issues' in x;
}
