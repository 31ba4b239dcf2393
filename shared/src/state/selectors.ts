import { gradeOf, type Grade } from '../categories/grades.ts';
import { rainGaugeCategory } from '../categories/catalog/meteorology.ts';
import { latestIn, latestRecord, trendOf, type LatestRecord, type LiveState, type TrendPoint } from './live-state.ts';

export interface RankedStation {
  stationId: string;
  rainfall1hMm: number;
  observedAt: number;
  grade: Grade;
}

const RAIN = rainGaugeCategory.id;

/** The latest record of every entity of a category. */
export function latestOf(state: LiveState, category: string): LatestRecord[] {
  return Object.values(latestIn(state, category));
}

/** The latest 1-hour rainfall of a gauge, if it has reported. */
export function rainfallOf(state: LiveState, stationId: string): { rainfall1hMm: number; observedAt: number } | null {
  const r = latestRecord(state, RAIN, stationId);
  const mm = r?.data[rainGaugeCategory.valueField];
  return r && typeof mm === 'number' ? { rainfall1hMm: mm, observedAt: r.observedAt } : null;
}

/** Stations by 1-hour rainfall, wettest first; ties by id so the list does not jump. */
export function rainRanking(state: LiveState, limit = 10): RankedStation[] {
  const ranked: RankedStation[] = [];
  for (const stationId of Object.keys(latestIn(state, RAIN))) {
    const r = rainfallOf(state, stationId);
    if (!r) continue;
    ranked.push({ stationId, ...r, grade: gradeOf(r.rainfall1hMm, rainGaugeCategory.thresholds) });
  }
  ranked.sort((a, b) => b.rainfall1hMm - a.rainfall1hMm || a.stationId.localeCompare(b.stationId));
  return ranked.slice(0, limit);
}

export function stationTrend(state: LiveState, stationId: string): TrendPoint[] {
  return trendOf(state, RAIN, stationId);
}

export type FeedStatus = 'live' | 'late' | 'silent' | 'never';

/** A feed is late after two missed intervals and silent after six. `now` is passed in: shared reads no clock. */
export function feedStatus(lastReceivedAt: number | undefined, now: number, expectedIntervalMs: number): FeedStatus {
  if (lastReceivedAt === undefined) return 'never';
  const age = now - lastReceivedAt;
  if (age <= 2 * expectedIntervalMs) return 'live';
  if (age <= 6 * expectedIntervalMs) return 'late';
  return 'silent';
}
