import Type from 'typebox';
import type { TSchema } from 'typebox';
import { alertRecord } from './alert.schema.ts';
import { count, number, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

// Levels are metres above the Yellow Sea 1985 datum (1985国家高程基准), as Fujian's hydrology network reports them.
const levelM = (what: string) => number(`${what}, metres above the 1985 national height datum (-20 to 500).`, -20, 500);

export function waterSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const ReservoirLevelRecord = recordSchema('stationId', 'Reservoir gauge id, e.g. "RSV-TINGXI".', {
    name: text('Reservoir name, e.g. "汀溪水库"', 60),
    levelM: levelM('Water level now'),
    floodLimitLevelM: levelM('Flood-season limit level (汛限水位): above it the reservoir must release'),
    designFloodLevelM: Type.Optional(levelM('Design flood level (设计洪水位)')),
    storageMillionM3: Type.Optional(number('Water stored now, million m³ (0 to 10000).', 0, 10_000)),
    inflowM3s: Type.Optional(number('Inflow, m³/s (0 to 50000).', 0, 50_000)),
    outflowM3s: Type.Optional(number('Release, m³/s (0 to 50000).', 0, 50_000)),
    lon: Type.Optional(lon('the dam')),
    lat: Type.Optional(lat('the dam')),
    district: Type.Optional(district('the reservoir')),
  });

  const RiverLevelRecord = recordSchema('stationId', 'River gauge id, e.g. "RIV-DONGXI-01".', {
    name: text('River and station, e.g. "东西溪 城关站"', 60),
    levelM: levelM('Water level now'),
    warningLevelM: levelM('Warning level (警戒水位): patrols start above it'),
    guaranteeLevelM: Type.Optional(levelM('Guaranteed-safe level (保证水位): the dikes are not designed beyond it')),
    flowM3s: Type.Optional(number('Discharge, m³/s (0 to 50000).', 0, 50_000)),
    lon: Type.Optional(lon('the gauge')),
    lat: Type.Optional(lat('the gauge')),
    district: Type.Optional(district('the gauge')),
  });

  const SluicePumpRecord = recordSchema('facilityId', 'Sluice or pumping-station id, e.g. "SL-XINGLIN-01".', {
    name: text('Facility name, e.g. "杏林湾排洪闸"', 60),
    facility: oneOf(['sluice', 'pump-station'], 'A tidal/flood sluice gate (水闸) or a pumping station (泵站).'),
    status: oneOf(['open', 'closed', 'running', 'stopped', 'fault'], 'Sluices: open or closed; pumping stations: running or stopped; fault for either.'),
    gateOpeningM: Type.Optional(number('Gate opening, metres (0 to 20), sluices only.', 0, 20)),
    pumpsRunning: Type.Optional(count('Pumps running now, pumping stations only.', 100)),
    pumpsTotal: Type.Optional(count('Pumps installed, pumping stations only.', 100)),
    flowM3s: Type.Optional(number('Flow through the facility, m³/s (0 to 5000).', 0, 5_000)),
    lon: lon('the facility'),
    lat: lat('the facility'),
    district: district('the facility'),
  });

  const DikePatrolRecord = recordSchema('patrolId', 'Patrol (dike section + team) id, e.g. "DK-XA-03".', {
    section: text('Dike section patrolled, e.g. "西滨海堤 K2+300–K4+100"', 80),
    patrollers: count('People on patrol now.', 1_000),
    status: oneOf(['patrolling', 'hazard-found', 'off-duty'], 'hazard-found means a danger was found and reported in `hazard`.'),
    hazard: Type.Optional(oneOf(['seepage', 'piping', 'slump', 'crack', 'overtopping', 'wave-erosion'], 'Danger found: 渗水 seepage, 管涌 piping, 滑坡 slump, 裂缝 crack, 漫顶 overtopping, 浪坎 wave erosion.')),
    lon: lon('the patrol now'),
    lat: lat('the patrol now'),
    district: district('the dike'),
  });

  return {
    'reservoir-level': ReservoirLevelRecord,
    'river-level': RiverLevelRecord,
    'flash-flood-warning': alertRecord(place),
    'sluice-pump': SluicePumpRecord,
    'dike-patrol': DikePatrolRecord,
  };
}
