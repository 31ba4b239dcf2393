import type { CityBounds } from '@beacon/shared';
import { ID_PATTERN } from '@beacon/shared/categories/catalog/fields.schema.ts';
import Type from 'typebox';

// The request schemas, once: Fastify validates with them and /docs shows them.

export const IncidentParams = Type.Object({
  incidentId: Type.String({ pattern: ID_PATTERN, description: 'The incident\'s incidentId, as its department sent it, e.g. "INC-20260914-0031".' }),
});

/** A point inside the city's box (the region's `bounds`): built once, for the region the server runs on. */
export function pointQuery(bounds: CityBounds) {
  return Type.Object({
    lon: Type.Number({
      minimum: bounds.lonMin,
      maximum: bounds.lonMax,
      description: `Longitude, WGS-84 decimal degrees, inside the city (${bounds.lonMin} to ${bounds.lonMax}).`,
    }),
    lat: Type.Number({
      minimum: bounds.latMin,
      maximum: bounds.latMax,
      description: `Latitude, WGS-84 decimal degrees, inside the city (${bounds.latMin} to ${bounds.latMax}).`,
    }),
  }, { required: ['lon', 'lat'] });
}

/** What each request field is, appended to what a refusal says was expected. */
export function fieldHints(bounds: CityBounds): ReadonlyMap<string, string> {
  return new Map([
    ['params.incidentId', 'an incident id: 1 to 64 letters, digits, "_" or "-"'],
    ['query.lon', `WGS-84 longitude inside the city, ${bounds.lonMin} to ${bounds.lonMax}`],
    ['query.lat', `WGS-84 latitude inside the city, ${bounds.latMin} to ${bounds.latMax}`],
  ]);
}
