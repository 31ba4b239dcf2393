import type { BeaconEvent, RainObserved } from '../events.ts';
import type { LiveState, RainStationState, TrendPoint } from './live-state.ts';

export const TREND_WINDOW_MS = 24 * 3600_000;
export const TREND_SLOT_MS = 5 * 60_000;

/**
 * The one reducer: live state = fold(evolve, emptyLiveState(), log). The server, the screens,
 * replay and tests all call this. Pure: every time it uses comes from the event itself.
 */
export function evolve(state: LiveState, event: BeaconEvent): LiveState {
  const next = noteFeed(state, event);
  switch (event.type) {
    case 'rain.observed':
      return { ...next, rain: { ...next.rain, [event.payload.stationId]: evolveStation(next.rain[event.payload.stationId], event) } };
    default:
      return assertNever(event.type);
  }
}

export function fold(state: LiveState, events: Iterable<BeaconEvent>): LiveState {
  let s = state;
  for (const e of events) s = evolve(s, e);
  return s;
}

function noteFeed(state: LiveState, event: BeaconEvent): LiveState {
  const receivedAt = Date.parse(event.receivedAt);
  const prev = state.feeds[event.department];
  return {
    ...state,
    seq: Math.max(state.seq, event.seq),
    feeds: {
      ...state.feeds,
      [event.department]: {
        department: event.department,
        lastReceivedAt: Math.max(prev?.lastReceivedAt ?? 0, receivedAt),
        records: (prev?.records ?? 0) + 1,
      },
    },
  };
}

function evolveStation(prev: RainStationState | undefined, event: RainObserved): RainStationState {
  const { stationId, rainfall1hMm } = event.payload;
  const observedAt = Date.parse(event.payload.observedAt);
  const version = event.payload.version ?? 1;
  const latest = prev?.latest ?? null;
  const isNewer =
    latest === null || observedAt > latest.observedAt || (observedAt === latest.observedAt && version >= latest.version);
  const nextLatest = isNewer ? { observedAt, rainfall1hMm, version, seq: event.seq } : latest;
  const trend = placeInTrend(prev?.trend ?? [], { t: observedAt, mm: rainfall1hMm, v: version }, nextLatest.observedAt);
  return { stationId, latest: nextLatest, trend };
}

/**
 * Keeps one point per 5-minute slot (the newest observation in it wins, so a late reading can
 * fill a gap but not replace a newer one), sorted by time, within 24 h of the latest reading.
 */
function placeInTrend(trend: TrendPoint[], point: TrendPoint, newest: number): TrendPoint[] {
  const slot = Math.floor(point.t / TREND_SLOT_MS);
  const from = newest - TREND_WINDOW_MS;
  const out = trend.filter((p) => p.t > from);
  if (point.t <= from) return out;
  const i = out.findIndex((p) => Math.floor(p.t / TREND_SLOT_MS) >= slot);
  const existing = i >= 0 ? out[i] : undefined;
  if (existing && Math.floor(existing.t / TREND_SLOT_MS) === slot) {
    if (point.t > existing.t || (point.t === existing.t && point.v >= existing.v)) out[i] = point;
    return out;
  }
  if (i < 0) out.push(point);
  else out.splice(i, 0, point);
  return out;
}

function assertNever(x: never): never {
  throw new Error(`unhandled event type: ${String(x)}`);
}
