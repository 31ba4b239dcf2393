import type { DepartmentId } from '../departments.ts';

/** A point of a station's rainfall trend: epoch ms and 1-hour rainfall in mm. */
export interface TrendPoint {
  t: number;
  mm: number;
  /** Version of the reading, so a lower correction never replaces a higher one. */
  v: number;
}

export interface RainStationState {
  stationId: string;
  /** The newest reading by observation time (then version); a late, older one never replaces it. */
  latest: { observedAt: number; rainfall1hMm: number; version: number; seq: number } | null;
  /** The last 24 hours before `latest`, one point per 5-minute slot, oldest first. */
  trend: TrendPoint[];
}

export interface FeedState {
  department: DepartmentId;
  /** Server receive time (epoch ms) of the newest record, whatever its observation time. */
  lastReceivedAt: number;
  records: number;
}

export interface LiveState {
  /** The highest log sequence folded in. */
  seq: number;
  rain: Record<string, RainStationState>;
  feeds: Partial<Record<DepartmentId, FeedState>>;
}

export function emptyLiveState(): LiveState {
  return { seq: 0, rain: {}, feeds: {} };
}
