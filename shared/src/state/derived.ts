import { latestIn, type LatestRecord, type LiveState, type TrendPoint } from './live-state.ts';
import { own } from '../util/dict.ts';

const HOUR = 3600_000;

/**
 * Accumulated rainfall over the last `hours` hours ending at the station's newest reading, from its
 * trend of 1-hour totals: the sum of the 1-hour values ending at t, t−1 h, t−2 h, … (each the
 * reading nearest that time, within 10 minutes). An hour with no reading counts as missing, and
 * the answer says how many hours it covers, so a screen never shows a partial sum as a full one.
 */
export function accumulation(trend: readonly TrendPoint[], hours: number): { mm: number; hoursCovered: number } | null {
  const newest = trend.at(-1);
  if (!newest) return null;
  let mm = 0;
  let covered = 0;
  for (let h = 0; h < hours; h++) {
    const at = newest.t - h * HOUR;
    const p = nearest(trend, at, 10 * 60_000);
    if (!p) continue;
    mm += p.value;
    covered += 1;
  }
  return { mm: Math.round(mm * 10) / 10, hoursCovered: covered };
}

function nearest(trend: readonly TrendPoint[], at: number, within: number): TrendPoint | null {
  let best: TrendPoint | null = null;
  for (const p of trend) {
    const d = Math.abs(p.t - at);
    if (d <= within && (!best || d < Math.abs(best.t - at))) best = p;
  }
  return best;
}

/** Alert records (warnings) still in force at `now`: active and not expired. */
export function activeAlerts(state: LiveState, categories: readonly string[], now: number): { category: string; record: LatestRecord }[] {
  const out: { category: string; record: LatestRecord }[] = [];
  for (const category of categories) {
    for (const record of Object.values(latestIn(state, category))) {
      const { status, expiresAt } = record.data;
      if (status !== 'active') continue;
      if (typeof expiresAt === 'string' && Date.parse(expiresAt) <= now) continue;
      out.push({ category, record });
    }
  }
  // A level is a value from a record: read with own(), so a level "constructor" sorts last like any unknown one.
  const order: Record<string, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };
  const rank = (r: LatestRecord) => own(order, String(r.data.level)) ?? 9;
  return out.sort((a, b) => rank(a.record) - rank(b.record) || b.record.observedAt - a.record.observedAt);
}

/** Incidents not closed, most severe first (I before IV), then newest. */
export function openIncidents(state: LiveState): LatestRecord[] {
  return Object.values(latestIn(state, 'incident'))
    .filter((r) => r.data.status !== 'closed')
    .sort((a, b) => String(a.data.severity).localeCompare(String(b.data.severity)) || b.observedAt - a.observedAt);
}
