// Building blocks every category schema is made of, so the 56 schemas agree on what an id, a time,
// a position or a district looks like, and every field carries a description an integrator can act on.
import Type from 'typebox';
import type { TProperties, TSchema } from 'typebox';
import type { CityBounds } from '../../region/types.ts';

/** The id pattern every source id follows: safe in URLs, log keys and file names. */
export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/**
 * What a schema knows of the city: its box and its districts (with their administrative codes). It
 * comes from the Region the server starts on (categories/catalog/schemas.ts), so no city is written here.
 */
export interface SchemaCity {
  /** The city's name as its offices write it, for examples in descriptions. */
  name: string;
  /** A point outside this box is a swapped or GCJ-02-shifted coordinate, not data. */
  bounds: CityBounds;
  /** District names exactly as the region's boundary file writes them. */
  districts: readonly string[];
  /** Administrative division code → district name (GB/T 2260), where the region has them. */
  districtCodes?: Readonly<Record<string, string>>;
}

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

/** The fields whose bounds and values are the city's: position, district and area code, built for one city. */
export function placeFields(city: SchemaCity) {
  const { bounds, districts } = city;
  if (!districts.length) throw new Error(`${city.name}: a city needs at least one district`);
  const codes = Object.entries(city.districtCodes ?? {});
  const codeExamples = codes.length ? ` (${codes.map(([code, name]) => `${name} ${code}`).join(', ')})` : '';
  return {
    city,
    /** A district to name in examples, so an integrator reads a name the city really has. */
    aDistrict: districts[0]!,
    lon: (what = 'the place') =>
      Type.Number({
        minimum: bounds.lonMin,
        maximum: bounds.lonMax,
        description: `Longitude of ${what}, WGS-84 decimal degrees (${bounds.lonMin} to ${bounds.lonMax}); convert GCJ-02 map coordinates first.`,
      }),
    lat: (what = 'the place') =>
      Type.Number({
        minimum: bounds.latMin,
        maximum: bounds.latMax,
        description: `Latitude of ${what}, WGS-84 decimal degrees (${bounds.latMin} to ${bounds.latMax}).`,
      }),
    district: (what = 'the place') => Type.Enum([...districts], { description: `District of ${what}: one of ${districts.join(' ')}.` }),
    /** A district administrative code (6 digits) or a subdistrict/town code (9 or 12 digits). */
    areaCode: () =>
      Type.String({
        pattern: '^[0-9]{6}([0-9]{3}){0,2}$',
        description: `Administrative division code: 6 digits for a district${codeExamples}, 9 or 12 for a subdistrict/town.`,
      }),
  };
}

/** The city's fields, as every department's schema file receives them. */
export type PlaceFields = ReturnType<typeof placeFields>;
