import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, id, number, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function constructionSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const ConstructionSiteStopRecord = recordSchema('siteId', 'Site id in the construction register, e.g. "CS-XA-0142".', {
    name: text('Project name, e.g. "新机场片区安置房项目"', 100),
    status: oneOf(['working', 'stopped'], 'working, or stopped (停工) for the storm.'),
    workers: count('Workers registered on site.', 100_000),
    workersEvacuated: Type.Optional(count('Workers moved off site or into safe dormitories.', 100_000)),
    lon: lon('the site'),
    lat: lat('the site'),
    district: district('the site'),
  });

  const TowerCraneRecord = recordSchema('craneId', 'Crane id (registration number), e.g. "TC-XA-0142-02".', {
    siteId: id('The site it stands on (a construction-site-stop siteId).'),
    status: oneOf(['operating', 'secured', 'unsecured'], 'operating; secured (boom weathervaning, hook up, power off); unsecured = not yet made safe.'),
    heightM: number('Height, metres (0 to 400).', 0, 400),
    windSpeedMs: Type.Optional(number('Wind at the jib from the crane\'s anemometer, m/s (0 to 90).', 0, 90)),
    lon: lon('the crane'),
    lat: lat('the crane'),
    district: district('the crane'),
  });

  const DangerousBuildingRecord = recordSchema('buildingId', 'Building id in the dangerous-building register, e.g. "DB-SM-0033".', {
    address: text(`Address, e.g. "${place.aDistrict}中华街道大同路XX号"`, 100),
    grade: oneOf(['C', 'D'], 'Danger grade (JGJ 125): C part dangerous, D whole building dangerous.'),
    residents: count('People living in it.', 10_000),
    evacuated: count('Residents moved out now.', 10_000),
    lon: lon('the building'),
    lat: lat('the building'),
    district: district('the building'),
  });

  return {
    'construction-site-stop': ConstructionSiteStopRecord,
    'tower-crane': TowerCraneRecord,
    'dangerous-building': DangerousBuildingRecord,
  };
}
