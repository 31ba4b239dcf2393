import type { DistrictCollection, Region } from '../types.ts';
import districts from './districts.geojson.json' with { type: 'json' };
import { rivertonRainGauges } from './rain-gauges.ts';

/**
 * An invented city for tests (see SOURCE.md): three rectangular districts far from Xiamen, so a test
 * that passes on both regions cannot lean on Xiamen's names, codes or coordinates.
 */
export const riverton: Region = {
  id: 'riverton',
  name: { zh: '河屯市', en: 'Riverton' },
  mapName: 'riverton',
  districts: districts as DistrictCollection,
  districtNames: {
    河西区: { zh: '河西区', en: 'Hexi' },
    河东区: { zh: '河东区', en: 'Hedong' },
    北山区: { zh: '北山区', en: 'Beishan' },
  },
  // The districts with a margin of 0.1° all round: like a real city's, the box is wider than its land.
  bounds: { lonMin: 116.0, lonMax: 116.6, latMin: 26.0, latMax: 26.5 },
  rainGauges: rivertonRainGauges,
  // Invented codes in the GB/T 2260 shape; province 99 does not exist, so none can be mistaken for a real place.
  adminCodes: {
    city: '990100',
    districts: { '990101': '河西区', '990102': '河东区', '990103': '北山区' },
  },
};
