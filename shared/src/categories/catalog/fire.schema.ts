import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, id, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function fireSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const FireStationRecord = recordSchema('stationId', 'Station id, e.g. "FS-SM-01".', {
    name: text(`Station name, e.g. "${place.aDistrict}特勤站"`, 60),
    stationType: oneOf(['special-service', 'standard', 'small', 'micro'], '特勤站 special-service, 普通站 standard, 小型站 small, 微型消防站 micro.'),
    firefighters: count('Firefighters on the station\'s strength.', 1_000),
    engines: count('Fire engines and rescue vehicles.', 200),
    boats: Type.Optional(count('Rescue boats (冲锋舟/橡皮艇) held.', 200)),
    lon: lon('the station'),
    lat: lat('the station'),
    district: district('the station'),
  });

  const FireCallRecord = recordSchema('callId', 'Call id from 119 dispatch, e.g. "119-20260914-0213".', {
    kind: oneOf(['fire', 'flood-rescue', 'trapped', 'collapse', 'hazmat', 'tree', 'other'], 'What the call is about.'),
    status: oneOf(['received', 'dispatched', 'on-scene', 'closed'], 'Where the response is.'),
    address: text('Address as taken by dispatch', 100),
    stationId: Type.Optional(id('The station that responded (a fire-station stationId).')),
    vehiclesSent: Type.Optional(count('Vehicles sent.', 200)),
    trapped: Type.Optional(count('People reported trapped.', 10_000)),
    rescued: Type.Optional(count('People rescued so far.', 10_000)),
    lon: lon('the call'),
    lat: lat('the call'),
    district: district('the call'),
  });

  return {
    'fire-station': FireStationRecord,
    'fire-call': FireCallRecord,
  };
}
