/**
 * What a screen looks at: the whole city, a district, a subdistrict (or town), or one incident and
 * its surroundings. Drill-down goes in that order.
 */
export type ViewRef =
  | { kind: 'city' }
  | { kind: 'district'; district: string }
  | { kind: 'subdistrict'; district: string; subdistrict: string }
  | { kind: 'incident'; incidentId: string };

/** One string per view, to group subscribers that see the same thing. */
export function viewKey(v: ViewRef): string {
  switch (v.kind) {
    case 'city':
      return 'city';
    case 'district':
      return `district:${v.district}`;
    case 'subdistrict':
      return `subdistrict:${v.district}/${v.subdistrict}`;
    case 'incident':
      return `incident:${v.incidentId}`;
  }
}

/** Radius of an incident view: what lies within it is the incident's surroundings. */
export const INCIDENT_RADIUS_KM = 5;
