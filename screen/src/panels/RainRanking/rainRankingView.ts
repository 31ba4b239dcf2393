import { rainRanking, type FeedStatus, type Grade, type LiveState, type Region } from '@beacon/shared';
import { own } from '@beacon/shared';
import { formatMm, localName, type Locale, type Messages } from '../../i18n/index.ts';
import { gaugeReading, newestObservation } from '../../lib/rain.ts';

export interface RankingRow {
  rank: number;
  stationId: string;
  name: string;
  district: string;
  mm: number;
  mmText: string;
  grade: Grade;
  colour: string;
  greyed: boolean;
  selected: boolean;
}

export interface RankingView {
  rows: RankingRow[];
  /** Age of the newest observation in the list (source time), or null with no data. */
  ageText: string | null;
}

export interface RankingInput {
  state: LiveState;
  region: Region;
  now: number;
  locale: Locale;
  t: Messages;
  feed: FeedStatus;
  selectedId: string | null;
  limit?: number;
}

/** The wettest gauges by 1-hour rainfall, as DOM rows (tests and screen readers can read them). */
export function rainRankingView({ state, region, now, locale, t, feed, selectedId, limit = 10 }: RankingInput): RankingView {
  const gauges = new Map(region.rainGauges.map((g) => [g.id, g]));
  const newest = newestObservation(state);
  const rows = rainRanking(state, limit).map((r, i): RankingRow => {
    const gauge = gauges.get(r.stationId);
    const reading = gaugeReading(state, r.stationId, feed, newest);
    return {
      rank: i + 1,
      stationId: r.stationId,
      name: gauge ? localName(gauge.name, locale) : r.stationId,
      district: gauge ? localName(own(region.districtNames, gauge.district), locale, gauge.district) : '',
      mm: r.rainfall1hMm,
      mmText: formatMm(r.rainfall1hMm),
      grade: r.grade,
      colour: reading.colour,
      greyed: reading.greyed,
      selected: r.stationId === selectedId,
    };
  });
  return { rows, ageText: newest === null ? null : t.dataAge(t.age(Math.max(0, now - newest))) };
}
