import Type from 'typebox';
import type { TSchema } from 'typebox';
import { alertRecord } from './alert.schema.ts';
import { count, id, number, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function geologySchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const GeohazardPointRecord = recordSchema('pointId', 'Hazard point id in the provincial register, e.g. "350211010023".', {
    name: text('Place name, e.g. "灌口镇李林村后山滑坡"', 80),
    hazard: oneOf(['landslide', 'debris-flow', 'collapse', 'subsidence'], '滑坡 landslide, 泥石流 debris-flow, 崩塌 collapse, 地面塌陷 subsidence.'),
    riskLevel: oneOf(['low', 'medium', 'high', 'very-high'], 'Risk grade of the point (低/中/高/极高风险).'),
    threatenedPeople: count('People living in the threatened area.', 1_000_000),
    status: Type.Optional(oneOf(['monitored', 'patrolled', 'evacuated'], 'What is done now: 监测 monitored, 巡查 patrolled, 已转移 evacuated.')),
    lon: lon('the hazard point'),
    lat: lat('the hazard point'),
    district: district('the hazard point'),
  });

  const DisplacementMonitorRecord = recordSchema('stationId', 'Monitor id, e.g. "GNSS-JM-0231".', {
    pointId: Type.Optional(id('The geohazard point it watches (a geohazard-point pointId).')),
    displacementRateMmD: number('Displacement rate over the last 24 hours, mm/day (0 to 10000).', 0, 10_000),
    cumulativeMm: Type.Optional(number('Displacement since installation, mm (0 to 100000).', 0, 100_000)),
    lon: lon('the monitor'),
    lat: lat('the monitor'),
    district: Type.Optional(district('the monitor')),
  });

  return {
    'geohazard-point': GeohazardPointRecord,
    'geohazard-warning': alertRecord(place),
    'displacement-monitor': DisplacementMonitorRecord,
  };
}
