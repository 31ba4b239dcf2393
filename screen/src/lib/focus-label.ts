import type { LiveState, Region, ViewRef } from '@beacon/shared';
import { latestRecord, own } from '@beacon/shared';
import { localName, type Locale } from '../i18n/index.ts';

/** The name of what the wall is focused on, for the map's title: a district, a town, an incident's title. */
export function focusLabel(view: ViewRef, state: LiveState, region: Region, locale: Locale): string | null {
  switch (view.kind) {
    case 'city':
      return null;
    case 'district':
      return localName(own(region.districtNames, view.district), locale, view.district);
    case 'subdistrict': {
      const district = localName(own(region.districtNames, view.district), locale, view.district);
      const seat = region.rainGauges.find((g) => g.district === view.district && g.name.zh === view.subdistrict);
      return `${district} ${seat ? localName(seat.name, locale, view.subdistrict) : view.subdistrict}`;
    }
    case 'incident': {
      const title = latestRecord(state, 'incident', view.incidentId)?.data.title;
      return typeof title === 'string' ? title : view.incidentId;
    }
  }
}
