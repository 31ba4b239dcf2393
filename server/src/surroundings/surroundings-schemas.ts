import { CITY_BOUNDS, ID_PATTERN } from '@beacon/shared/categories/catalog/fields.schema.ts';
import Type from 'typebox';

// The request schemas, once: Fastify validates with them and /docs shows them.

export const IncidentParams = Type.Object({
  incidentId: Type.String({ pattern: ID_PATTERN, description: 'The incident\'s incidentId, as its department sent it, e.g. "INC-20260914-0031".' }),
});

export const PointQuery = Type.Object({
  lon: Type.Number({
    minimum: CITY_BOUNDS.lonMin,
    maximum: CITY_BOUNDS.lonMax,
    description: `Longitude, WGS-84 decimal degrees, inside the city (${CITY_BOUNDS.lonMin} to ${CITY_BOUNDS.lonMax}).`,
  }),
  lat: Type.Number({
    minimum: CITY_BOUNDS.latMin,
    maximum: CITY_BOUNDS.latMax,
    description: `Latitude, WGS-84 decimal degrees, inside the city (${CITY_BOUNDS.latMin} to ${CITY_BOUNDS.latMax}).`,
  }),
}, { required: ['lon', 'lat'] });

/** What each request field is, appended to what a refusal says was expected. */
export const FIELD_HINTS: Record<string, string> = {
  'params.incidentId': 'an incident id: 1 to 64 letters, digits, "_" or "-"',
  'query.lon': `WGS-84 longitude inside the city, ${CITY_BOUNDS.lonMin} to ${CITY_BOUNDS.lonMax}`,
  'query.lat': `WGS-84 latitude inside the city, ${CITY_BOUNDS.latMin} to ${CITY_BOUNDS.latMax}`,
};
