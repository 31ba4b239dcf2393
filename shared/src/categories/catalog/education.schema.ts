import type { TSchema } from 'typebox';
import { count, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function educationSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const SchoolClosureRecord = recordSchema('schoolId', 'School id (education bureau code), e.g. "SCH-SM-0012".', {
    name: text(`School name, e.g. "${place.city.name}第一中学"`, 80),
    stage: oneOf(['kindergarten', 'primary', 'middle', 'high', 'vocational', 'university'], 'School stage.'),
    status: oneOf(['open', 'closed'], 'open, or closed (停课) for the storm.'),
    students: count('Students enrolled.', 100_000),
    lon: lon('the school'),
    lat: lat('the school'),
    district: district('the school'),
  });

  const SchoolShelterRecord = recordSchema('schoolId', 'School id, the same code as in school-closure, e.g. "SCH-XA-0003".', {
    name: text(`Shelter name, e.g. "${place.city.name}第一中学避灾点"`, 80),
    capacity: count('People it can hold.', 100_000),
    occupancy: count('People sheltering in it now; above capacity is accepted and shown as over.', 100_000),
    status: oneOf(['open', 'full', 'closed'], 'open: taking people; full: no more room; closed: not in use.'),
    lon: lon('the school'),
    lat: lat('the school'),
    district: district('the school'),
  });

  return {
    'school-closure': SchoolClosureRecord,
    'school-shelter': SchoolShelterRecord,
  };
}
