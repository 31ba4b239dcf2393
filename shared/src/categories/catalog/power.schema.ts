import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, dateTime, id, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function powerSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const PowerOutageRecord = recordSchema('outageId', 'Outage id (one tripped feeder), e.g. "PO-20260914-0071".', {
    feeder: text('10 kV feeder, e.g. "新店变 10kV 新圩I路"', 80),
    households: count('Households without power now (0 once restored).', 10_000_000),
    status: oneOf(['out', 'repairing', 'restored'], 'out, repair under way, or restored.'),
    cause: Type.Optional(oneOf(['wind', 'flooding', 'tree', 'lightning', 'equipment', 'other'], 'Why.')),
    crewId: Type.Optional(id('The repair crew on it (a repair-crew crewId).')),
    expectedRestoreAt: Type.Optional(dateTime('When power is expected back.')),
    lon: lon('the fault'),
    lat: lat('the fault'),
    district: district('the fault'),
  });

  const RepairCrewRecord = recordSchema('crewId', 'Crew id, e.g. "RC-XA-03".', {
    name: text(`Crew name, e.g. "国网${place.city.name}供电公司${place.aDistrict}抢修三队"`, 60),
    members: count('People in the crew.', 1_000),
    vehicles: Type.Optional(count('Vehicles, including generator trucks.', 200)),
    status: oneOf(['standby', 'dispatched', 'repairing', 'returning'], 'What the crew is doing.'),
    outageId: Type.Optional(id('The outage it is working on (a power-outage outageId).')),
    lon: lon('the crew now'),
    lat: lat('the crew now'),
    district: Type.Optional(district('the crew now')),
  });

  return {
    'power-outage': PowerOutageRecord,
    'repair-crew': RepairCrewRecord,
  };
}
