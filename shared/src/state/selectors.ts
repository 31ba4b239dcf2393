import { gradeOf, type Grade } from '../categories/grades.ts';
import { rainfall1hThresholds } from '../categories/rain-gauge.ts';
import type { LiveState, TrendPoint } from './live-state.ts';

export interface RankedStation {
  stationId: string;
  rainfall1hMm: number;
  observedAt: number;
  grade: Grade;
}

/** Stations by 1-hour rainfall, wettest first; ties by id so the list does not jump. */
export function rainRanking(state: LiveState, limit = 10): RankedStation[] {
  const ranked: RankedStation[] = [];
  for (const s of Object.values(state.rain)) {
    if (!s.latest) continue;
    const { rainfall1hMm, observedAt } = s.latest;
    ranked.push({ stationId: s.stationId, rainfall1hMm, observedAt, grade: gradeOf(rainfall1hMm, rainfall1hThresholds) });
  }
  ranked.sort((a, b) => b.rainfall1hMm - a.rainfall1hMm || a.stationId.localeCompare(b.stationId));
  return ranked.slice(0, limit);
}

export function stationTrend(state: LiveState, stationId: string): TrendPoint[] {
  return state.rain[stationId]?.trend ?? [];
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
