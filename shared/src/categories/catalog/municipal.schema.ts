import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, number, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function municipalSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const WaterloggingPointRecord = recordSchema('pointId', 'Waterlogging point id, e.g. "WL-HL-012".', {
    name: text(`Place, e.g. "${place.aDistrict}枋湖路下穿通道"`, 80),
    depthCm: number('Standing water depth now, cm (0 to 500).', 0, 500),
    lon: lon('the point'),
    lat: lat('the point'),
    district: district('the point'),
  });

  const DrainagePumpRecord = recordSchema('pumpId', 'Pump station or mobile pump id, e.g. "DP-SM-05".', {
    name: text('Name, e.g. "筼筜湖排涝泵站"', 60),
    pumpType: oneOf(['station', 'mobile'], 'A fixed pumping station or a mobile pump truck (移动泵车).'),
    status: oneOf(['running', 'standby', 'fault', 'offline'], 'offline = no telemetry.'),
    pumpsRunning: count('Pumps running now.', 100),
    pumpsTotal: count('Pumps installed.', 100),
    flowM3s: Type.Optional(number('Total pumped flow, m³/s (0 to 500).', 0, 500)),
    lon: lon('the pump'),
    lat: lat('the pump'),
    district: district('the pump'),
  });

  const FallenTreeRecord = recordSchema('reportId', 'Report id, e.g. "FT-20260914-0381".', {
    location: text(`Where, e.g. "${place.aDistrict}白鹭洲路与湖滨中路交叉口"`, 100),
    status: oneOf(['reported', 'clearing', 'cleared'], 'Where the clearance is.'),
    trees: count('Trees down at the spot.', 1_000),
    blocksRoad: Type.Boolean({ description: 'true if the tree blocks a carriageway.' }),
    lon: lon('the tree'),
    lat: lat('the tree'),
    district: district('the tree'),
  });

  const ManholeAlertRecord = recordSchema('manholeId', 'Smart manhole cover id, e.g. "MH-HL-10231".', {
    alarm: oneOf(['cover-displaced', 'overflow', 'gas', 'none'], 'What the sensor reports: lid lifted, water overflowing, gas, or none.'),
    status: oneOf(['alarm', 'handling', 'normal'], 'alarm raised, crew handling, back to normal.'),
    waterLevelCm: Type.Optional(number('Water below the lid, cm (negative = above the lid, -200 to 1000).', -200, 1_000)),
    road: Type.Optional(text('Road, e.g. "滨海大道"', 60)),
    lon: lon('the manhole'),
    lat: lat('the manhole'),
    district: district('the manhole'),
  });

  return {
    'waterlogging-point': WaterloggingPointRecord,
    'drainage-pump': DrainagePumpRecord,
    'fallen-tree': FallenTreeRecord,
    'manhole-alert': ManholeAlertRecord,
  };
}
