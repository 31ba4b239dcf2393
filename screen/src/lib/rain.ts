import {
  gradeOf,
  rainfall1hThresholds,
  rainGaugeCategory,
  rainfallOf,
  type FeedStatus,
  type Grade,
  type LiveState,
} from '@beacon/shared';
import { latestIn } from '@beacon/shared';
import { gradeColour, palette } from '../charts/theme.ts';

/**
 * A gauge that stopped reporting while the others go on is shown as "no data": its last value
 * is more than six intervals older than the newest reading. Comparing observation times with
 * each other (not with the wall clock) keeps a skewed gauge clock from greying the whole map.
 */
export const GAUGE_STALE_AFTER_MS = 6 * rainGaugeCategory.expectedIntervalMs;

export function newestObservation(state: LiveState): number | null {
  let newest: number | null = null;
  for (const r of Object.values(latestIn(state, rainGaugeCategory.id))) {
    if (newest === null || r.observedAt > newest) newest = r.observedAt;
  }
  return newest;
}

export interface GaugeReading {
  mm: number | null;
  observedAt: number | null;
  grade: Grade | null;
  /** True when the colour must be grey: no reading, a stale gauge, or a silent feed. */
  greyed: boolean;
  colour: string;
}

export function gaugeReading(state: LiveState, stationId: string, feed: FeedStatus, newest = newestObservation(state)): GaugeReading {
  const latest = rainfallOf(state, stationId);
  if (!latest) return { mm: null, observedAt: null, grade: null, greyed: true, colour: palette.noData };
  const grade = gradeOf(latest.rainfall1hMm, rainfall1hThresholds);
  const stale = newest !== null && newest - latest.observedAt > GAUGE_STALE_AFTER_MS;
  const greyed = stale || feed === 'silent' || feed === 'never';
  return { mm: latest.rainfall1hMm, observedAt: latest.observedAt, grade, greyed, colour: greyed ? palette.noData : gradeColour[grade] };
}
