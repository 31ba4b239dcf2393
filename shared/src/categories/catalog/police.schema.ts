import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function policeSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const TrafficControlRecord = recordSchema('controlId', 'Control point id, e.g. "TC-HL-007".', {
    location: text('Where, e.g. "跨海大桥 往岛内方向"', 80),
    measure: oneOf(['closed', 'one-way', 'diversion', 'checkpoint'], '封闭 closed, 单向通行 one-way, 分流 diversion, 管控点 checkpoint.'),
    status: oneOf(['active', 'lifted'], 'active while the control is in force; lifted when traffic is back to normal.'),
    officers: Type.Optional(count('Officers at the point.', 1_000)),
    reason: Type.Optional(text('Why, e.g. "大风", "积水", "塌方"', 60)),
    lon: lon('the control point'),
    lat: lat('the control point'),
    district: district('the control point'),
  });

  const PoliceDeploymentRecord = recordSchema('unitId', 'Unit id, e.g. "PD-SM-TJ-02".', {
    name: text(`Unit name, e.g. "${place.aDistrict}分局特警大队二中队"`, 60),
    officers: count('Officers in the unit now.', 5_000),
    vehicles: Type.Optional(count('Vehicles with the unit.', 1_000)),
    task: oneOf(['patrol', 'traffic', 'evacuation', 'rescue', 'security', 'standby'], 'What the unit is assigned to.'),
    status: oneOf(['standby', 'deployed', 'returning'], 'Whether the unit is out.'),
    lon: lon('the unit now'),
    lat: lat('the unit now'),
    district: district('the unit now'),
  });

  const AccidentReportRecord = recordSchema('accidentId', 'Accident id from 122, e.g. "ACC-20260914-0057".', {
    kind: oneOf(['collision', 'rollover', 'vehicle-in-water', 'fallen-object', 'other'], 'What happened.'),
    status: oneOf(['open', 'handling', 'cleared'], 'cleared when the road is clear again.'),
    road: text(`Road and direction, e.g. "成功大道 ${place.aDistrict}段 南向北"`, 80),
    injured: Type.Optional(count('People injured.', 10_000)),
    deaths: Type.Optional(count('People killed.', 10_000)),
    lanesBlocked: Type.Optional(count('Lanes blocked now.', 20)),
    lon: lon('the accident'),
    lat: lat('the accident'),
    district: district('the accident'),
  });

  return {
    'traffic-control': TrafficControlRecord,
    'police-deployment': PoliceDeploymentRecord,
    'accident-report': AccidentReportRecord,
  };
}
