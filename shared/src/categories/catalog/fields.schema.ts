// Building blocks every category schema is made of, so the 56 schemas agree on what an id, a time,
// a position or a district looks like, and every field carries a description an integrator can act on.
import Type from 'typebox';
import type { TProperties, TSchema } from 'typebox';

/** The id pattern every source id follows: safe in URLs, log keys and file names. */
export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/**
 * Xiamen's six districts, as written on every screen. Kept in step with shared/src/region/xiamen by a
 * test; a schema cannot read the region at runtime, so another city needs its own list here.
 */
export const DISTRICT_NAMES = ['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区'] as const;
export type DistrictName = (typeof DISTRICT_NAMES)[number];

/** The city's bounding box (WGS-84): a point outside it is a swapped or GCJ-02-shifted coordinate, not data. */
export const CITY_BOUNDS = { lonMin: 117.8, lonMax: 118.6, latMin: 24.3, latMax: 25.0 } as const;

export const id = (description: string) => Type.String({ pattern: ID_PATTERN, description });

export const observedAt = (what = 'the source observed or last updated this record') =>
  Type.String({ format: 'date-time', description: `When ${what}, RFC 3339 with offset (Z or ±hh:mm; years 1970–9999; no leap second), e.g. "2026-09-14T08:05:00+08:00".` });

export const dateTime = (description: string) =>
  Type.String({ format: 'date-time', description: `${description} RFC 3339 with offset (Z or ±hh:mm; years 1970–9999; no leap second), e.g. "2026-09-14T20:00:00+08:00".` });

export const version = () =>
  Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 2147483647,
      description: 'Correction counter (default 1): resend the same id and observedAt with a higher version to correct a record.',
    }),
  );

export const lon = (what = 'the place') =>
  Type.Number({
    minimum: CITY_BOUNDS.lonMin,
    maximum: CITY_BOUNDS.lonMax,
    description: `Longitude of ${what}, WGS-84 decimal degrees (${CITY_BOUNDS.lonMin} to ${CITY_BOUNDS.lonMax}); convert GCJ-02 map coordinates first.`,
  });

export const lat = (what = 'the place') =>
  Type.Number({
    minimum: CITY_BOUNDS.latMin,
    maximum: CITY_BOUNDS.latMax,
    description: `Latitude of ${what}, WGS-84 decimal degrees (${CITY_BOUNDS.latMin} to ${CITY_BOUNDS.latMax}).`,
  });

export const district = (what = 'the place') =>
  Type.Enum([...DISTRICT_NAMES], { description: `District of ${what}: one of ${DISTRICT_NAMES.join(' ')}.` });

/** A district administrative code (6 digits) or a subdistrict/town code (9 or 12 digits), e.g. "350203" for 思明区. */
export const areaCode = () =>
  Type.String({
    pattern: '^[0-9]{6}([0-9]{3}){0,2}$',
    description: 'Administrative division code: 6 digits for a district (思明区 350203, 海沧区 350205, 湖里区 350206, 集美区 350211, 同安区 350212, 翔安区 350213), 9 or 12 for a subdistrict/town.',
  });

export const text = (description: string, maxLength = 100) => Type.String({ minLength: 1, maxLength, description: `${description} (at most ${maxLength} characters).` });

export const count = (description: string, maximum = 10_000_000) => Type.Integer({ minimum: 0, maximum, description });

export const number = (description: string, minimum: number, maximum: number) => Type.Number({ minimum, maximum, description });

export const oneOf = <const V extends string[]>(values: readonly [...V], description: string) =>
  Type.Enum(values, { description: `${description} One of: ${values.join(', ')}.` });

export const phone = () =>
  Type.String({ pattern: '^[0-9+() -]{3,24}$', description: 'Contact telephone, digits with optional + ( ) - and spaces, e.g. "0592-1234567".' });

/**
 * A category's record schema: its id field, observedAt and the optional version first (every record
 * has them: ingest dedupes and orders by them), then its own fields; no field that is not listed.
 * `idSchema` is a description for the usual id pattern, or a stricter schema (e.g. an area code).
 */
export function recordSchema<P extends TProperties>(idField: string, idSchema: string | TSchema, fields: P, observedWhat?: string) {
  return Type.Object(
    { [idField]: typeof idSchema === 'string' ? id(idSchema) : idSchema, observedAt: observedAt(observedWhat), version: version(), ...fields } as {
      [k: string]: TSchema;
    } & P,
    { additionalProperties: false },
  );
}
