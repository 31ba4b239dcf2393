import type { FeedStatus, LiveState, Region } from '@beacon/shared';
import { localName, type Locale } from '../../i18n/index.ts';
import { gaugeReading, newestObservation } from '../../lib/rain.ts';

/** What the one-map's rain layer needs to place and colour the gauges. */
export interface GaugePointsInput {
  state: LiveState;
  region: Region;
  locale: Locale;
  feed: FeedStatus;
  /** How many of the wettest gauges carry a name label. */
  labelTop?: number;
}

export interface GaugePoint {
  id: string;
  name: string;
  value: [number, number];
  mm: number | null;
  colour: string;
  greyed: boolean;
  size: number;
  labelled: boolean;
}

/** Symbol diameter in native px: readable at 10 m when dry, growing with the square root of rainfall. */
export function gaugeSymbolSize(mm: number | null): number {
  if (mm === null) return 22;
  return Math.round(Math.min(88, 26 + Math.sqrt(Math.max(0, mm)) * 7));
}

export function gaugePoints({ state, region, locale, feed, labelTop = 5 }: GaugePointsInput): GaugePoint[] {
  const newest = newestObservation(state);
  const points = region.rainGauges.map((g): GaugePoint => {
    const r = gaugeReading(state, g.id, feed, newest);
    return {
      id: g.id,
      name: localName(g.name, locale),
      value: [g.lon, g.lat],
      mm: r.mm,
      colour: r.colour,
      greyed: r.greyed,
      size: gaugeSymbolSize(r.mm),
      labelled: false,
    };
  });
  const wettest = points
    .filter((p) => !p.greyed && p.mm !== null && p.mm > 0)
    .sort((a, b) => (b.mm ?? 0) - (a.mm ?? 0) || a.id.localeCompare(b.id))
    .slice(0, labelTop);
  for (const p of wettest) p.labelled = true;
  return points;
}
