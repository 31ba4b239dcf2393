import type { DistrictCollection, Region } from '../types.ts';
import districts from './districts.geojson.json' with { type: 'json' };
import { xiamenRainGauges } from './rain-gauges.ts';

export const xiamen: Region = {
  id: 'xiamen',
  name: { zh: '厦门市', en: 'Xiamen' },
  mapName: 'xiamen',
  districts: districts as DistrictCollection,
  districtNames: {
    思明区: { zh: '思明区', en: 'Siming' },
    湖里区: { zh: '湖里区', en: 'Huli' },
    集美区: { zh: '集美区', en: 'Jimei' },
    海沧区: { zh: '海沧区', en: 'Haicang' },
    同安区: { zh: '同安区', en: "Tong'an" },
    翔安区: { zh: '翔安区', en: "Xiang'an" },
  },
  // The six districts with their waters (Xiamen Bay, Tong'an Bay) and the islands off Siming.
  bounds: { lonMin: 117.8, lonMax: 118.6, latMin: 24.3, latMax: 25.0 },
  rainGauges: xiamenRainGauges,
  // GB/T 2260 codes of 厦门市 and its districts (code → district name).
  adminCodes: {
    city: '350200',
    districts: { '350203': '思明区', '350205': '海沧区', '350206': '湖里区', '350211': '集美区', '350212': '同安区', '350213': '翔安区' },
  },
};
