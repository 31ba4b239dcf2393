import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, id, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function healthSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const HospitalBedsRecord = recordSchema('hospitalId', 'Hospital id, e.g. "H-ZSYY" (中山医院).', {
    name: text(`Hospital name, e.g. "${place.city.name}中山医院"`, 80),
    grade: Type.Optional(oneOf(['tertiary', 'secondary', 'primary'], '三级 tertiary, 二级 secondary, 一级 primary.')),
    totalBeds: count('Beds open and staffed (实际开放床位).', 20_000),
    freeBeds: count('Beds free now.', 20_000),
    icuFree: Type.Optional(count('ICU beds free now.', 2_000)),
    lon: lon('the hospital'),
    lat: lat('the hospital'),
    district: Type.Optional(district('the hospital')),
  });

  const AmbulanceRecord = recordSchema('vehicleId', 'Vehicle id, e.g. "120-SM-07".', {
    base: text(`Station or hospital the ambulance belongs to, e.g. "120${place.aDistrict}分站"`, 60),
    status: oneOf(['available', 'dispatched', 'transporting', 'at-hospital', 'out-of-service'], 'What the vehicle is doing.'),
    incidentId: Type.Optional(id('The incident it serves (an incident incidentId).')),
    hospitalId: Type.Optional(id('Where it is taking a patient (a hospital-beds hospitalId).')),
    lon: lon('the vehicle now'),
    lat: lat('the vehicle now'),
  });

  const CasualtyReportRecord = recordSchema('reportId', 'Report id, e.g. "CAS-JM-20260914".', {
    incidentId: Type.Optional(id('The incident the casualties belong to, if one.')),
    district: district('the casualties'),
    deaths: count('People dead.', 100_000),
    injured: count('People injured.', 100_000),
    missing: count('People missing.', 100_000),
    hospitalised: count('People admitted to hospital.', 100_000),
    lon: Type.Optional(lon('the place')),
    lat: Type.Optional(lat('the place')),
  });

  return {
    'hospital-beds': HospitalBedsRecord,
    ambulance: AmbulanceRecord,
    'casualty-report': CasualtyReportRecord,
  };
}
