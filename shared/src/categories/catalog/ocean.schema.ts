import Type from 'typebox';
import type { TSchema } from 'typebox';
import { alertRecord } from './alert.schema.ts';
import { count, number, type PlaceFields, recordSchema, text } from './fields.schema.ts';

const tideCm = (what: string) => number(`${what}, cm above the station's tide datum (-500 to 1500).`, -500, 1_500);

export function oceanSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const TideLevelRecord = recordSchema('stationId', 'Tide station id, e.g. "XIAMEN" or "SHIWEITOU".', {
    name: Type.Optional(text(`Station name, e.g. "${place.city.name}站"`, 40)),
    levelCm: tideCm('Observed tide level'),
    warningLevelCm: tideCm('Blue warning tide level of the station (蓝色警戒潮位)'),
    astronomicalCm: Type.Optional(tideCm('Predicted astronomical tide for the same time')),
    surgeCm: Type.Optional(number('Storm surge: observed minus astronomical, cm (-300 to 800).', -300, 800)),
    lon: Type.Optional(lon('the station')),
    lat: Type.Optional(lat('the station')),
  });

  const WaveHeightRecord = recordSchema('stationId', 'Buoy or wave station id, e.g. "BUOY-XM01".', {
    significantWaveM: number('Significant wave height (有效波高) over the last 30 minutes, m (0 to 30).', 0, 30),
    maxWaveM: Type.Optional(number('Largest single wave in the same period, m (0 to 50).', 0, 50)),
    periodS: Type.Optional(number('Mean wave period, seconds (0 to 30).', 0, 30)),
    directionDeg: Type.Optional(number('Direction waves come from, degrees clockwise from north (0 to 360).', 0, 360)),
    lon: lon('the buoy'),
    lat: lat('the buoy'),
  });

  const FishingBoatRecord = recordSchema('harbourId', 'Fishing harbour id, e.g. "HB-GAOQI".', {
    name: text('Harbour name, e.g. "高崎渔港"', 40),
    boatsRegistered: count('Fishing boats registered to the harbour.', 100_000),
    boatsInHarbour: count('Boats moored in or sheltering at the harbour now.', 100_000),
    boatsAtSea: count('Boats still at sea (Beidou position outside the harbour).', 100_000),
    peopleAboard: Type.Optional(count('People still aboard boats in harbour (they must go ashore before landfall).', 100_000)),
    lon: lon('the harbour'),
    lat: lat('the harbour'),
    district: district('the harbour'),
  });

  return {
    'tide-level': TideLevelRecord,
    'wave-height': WaveHeightRecord,
    'storm-surge-warning': alertRecord(place),
    'fishing-boat': FishingBoatRecord,
  };
}
