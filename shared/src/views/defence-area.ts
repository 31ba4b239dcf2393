// Which records of the defence figures lie in an area: the city, a district or a subdistrict.
import type { Region } from '../region/types.ts';
import type { LatestRecord } from '../state/live-state.ts';
import { ViewFilter } from './filter.ts';
import type { ViewRef } from './view.ts';

/** The areas the defence figures are asked for: the city, a district, a subdistrict (or town). */
export type AreaRef = Extract<ViewRef, { kind: 'city' | 'district' | 'subdistrict' }>;

/** An area of a region: what defenceFigures is given to count one area's share. */
export interface AreaFilter {
  region: Region;
  area: AreaRef;
}

/** Whether a record is in the area asked about. */
export type AreaInclude = (category: string, rec: LatestRecord) => boolean;

export const everywhere: AreaInclude = () => true;

/**
 * The records in an area, as the server's view filter places them (a point, a `district`, or
 * city-wide), except evacuation counts: their id is the area's code, which places them for certain —
 * a town's count is always in its district's, the district its `district` field might misname. A
 * code the region does not know is placed by the record's fields, like any other.
 * A subdistrict cannot be told from a town's code (the region names subdistricts, not their codes):
 * there, as for every district-level record, the district's counts show.
 */
export function areaIncludes(region: Region, area: AreaRef): AreaInclude {
  if (area.kind === 'city') return everywhere;
  const filter = new ViewFilter(region, area);
  const codes = new Map(Object.entries(region.adminCodes?.districts ?? {}));
  return (category, rec) => {
    if (category === 'evacuation') {
      const district = codes.get(rec.entityId.slice(0, 6));
      if (district !== undefined) return district === area.district;
    }
    return filter.includes(category, rec);
  };
}
