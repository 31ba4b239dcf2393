import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, dateTime, number, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function transportSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const RoadClosureRecord = recordSchema('closureId', 'Closure id, e.g. "RC-20260914-011".', {
    road: text('Road and section, e.g. "环岛路 胡里山炮台—曾厝垵"', 100),
    status: oneOf(['closed', 'restricted', 'reopened'], 'closed to all traffic, restricted (some lanes or vehicles), reopened.'),
    reason: oneOf(['wind', 'waterlogging', 'landslide', 'fallen-tree', 'accident', 'works', 'other'], 'Why.'),
    expectedReopenAt: Type.Optional(dateTime('When it is expected to reopen.')),
    lon: lon('the closure'),
    lat: lat('the closure'),
    district: district('the closure'),
  });

  const FerrySuspensionRecord = recordSchema('routeId', 'Route id, e.g. "FERRY-GLY" (厦鼓航线).', {
    route: text('Route, e.g. "轮渡码头—海岛"', 60),
    status: oneOf(['running', 'suspended'], 'running or suspended (停航).'),
    reason: Type.Optional(text('Why suspended, e.g. "台风大风"', 60)),
    suspendedSince: Type.Optional(dateTime('When service stopped.')),
    lon: lon('the departure terminal'),
    lat: lat('the departure terminal'),
    district: district('the departure terminal'),
  });

  const BusServiceRecord = recordSchema('lineId', 'Line id, e.g. "BRT1" or "L031".', {
    line: text('Line name, e.g. "BRT快1线"', 30),
    status: oneOf(['normal', 'diverted', 'shortened', 'suspended'], '正常 normal, 绕行 diverted, 缩线 shortened, 停运 suspended.'),
    district: Type.Optional(district('most of the route')),
    reason: Type.Optional(text('Why, e.g. "道路积水绕行"', 60)),
    vehiclesRunning: Type.Optional(count('Buses running on the line now.', 1_000)),
  });

  const TrafficFlowRecord = recordSchema('segmentId', 'Road segment id, e.g. "SEG-CGDD-03".', {
    road: text('Road and section, e.g. "成功大道 仙岳路—湖滨北路"', 80),
    congestionIndex: number('Congestion index 0 (free) to 10 (gridlock).', 0, 10),
    speedKmh: Type.Optional(number('Mean speed, km/h (0 to 150).', 0, 150)),
    lon: lon('the middle of the segment'),
    lat: lat('the middle of the segment'),
    district: Type.Optional(district('the segment')),
  });

  return {
    'road-closure': RoadClosureRecord,
    'ferry-suspension': FerrySuspensionRecord,
    'bus-service': BusServiceRecord,
    'traffic-flow': TrafficFlowRecord,
  };
}
