import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function civilAffairsSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district, areaCode } = place;
  const EvacuationRecord = recordSchema('areaCode', areaCode(), {
    district: district('the area'),
    evacuatedPeople: count('People moved out of danger areas so far in this response (cumulative).', 10_000_000),
    resettledPeople: Type.Optional(count('Of them, people in shelters or resettlement sites now.', 10_000_000)),
    returnedPeople: Type.Optional(count('Of them, people back home.', 10_000_000)),
  }, 'these counts were compiled');

  const ResettlementSiteRecord = recordSchema('siteId', 'Site id, e.g. "RS-TA-008".', {
    name: text(`Site name, e.g. "${place.aDistrict}体育馆集中安置点"`, 80),
    capacity: count('People it can hold.', 100_000),
    occupancy: count('People resettled in it now; above capacity is accepted and shown as over.', 100_000),
    status: oneOf(['open', 'full', 'closed'], 'open: taking people; full: no more room; closed: not in use.'),
    meals: Type.Optional(count('Meals served so far today.', 1_000_000)),
    lon: lon('the site'),
    lat: lat('the site'),
    district: district('the site'),
  });

  return {
    evacuation: EvacuationRecord,
    'resettlement-site': ResettlementSiteRecord,
  };
}
