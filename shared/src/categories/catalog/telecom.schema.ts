import Type from 'typebox';
import type { TSchema } from 'typebox';
import { id, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

const OPERATORS = ['china-mobile', 'china-telecom', 'china-unicom', 'china-broadnet', 'china-tower'] as const;

export function telecomSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const BaseStationOutageRecord = recordSchema('siteId', 'Base-station site id, e.g. "BS-CM-XA-0415".', {
    operator: oneOf([...OPERATORS], 'Operator: 中国移动, 中国电信, 中国联通, 中国广电, or 中国铁塔 (shared sites).'),
    status: oneOf(['down', 'on-backup', 'restored'], 'down (退服), running on batteries or a generator, restored.'),
    cause: Type.Optional(oneOf(['power', 'transmission', 'damage', 'other'], 'Why: mains power lost, fibre cut, mast or antenna damaged.')),
    lon: lon('the site'),
    lat: lat('the site'),
    district: district('the site'),
  });

  const EmergencyCommsVehicleRecord = recordSchema('vehicleId', 'Vehicle id, e.g. "ECV-CM-02".', {
    name: text(`Vehicle, e.g. "${place.city.name}移动卫星应急通信车2号"`, 60),
    operator: oneOf([...OPERATORS], 'Who runs it.'),
    capability: oneOf(['satellite', 'cellular', 'satellite-cellular', 'drone-relay'], 'What it provides: satellite backhaul, a cell site, both, or a tethered-drone relay.'),
    status: oneOf(['standby', 'en-route', 'on-site', 'returning'], 'What it is doing.'),
    incidentId: Type.Optional(id('The incident it supports (an incident incidentId).')),
    lon: lon('the vehicle now'),
    lat: lat('the vehicle now'),
  });

  return {
    'base-station-outage': BaseStationOutageRecord,
    'emergency-comms-vehicle': EmergencyCommsVehicleRecord,
  };
}
