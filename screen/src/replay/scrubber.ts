import type { KeyMoment, LiveState, ReplayWindow } from '@beacon/shared';
import { formatClock, type Locale } from '../i18n/index.ts';
import { isIncidentMoment, momentColour, momentWeight } from './moments.ts';

// The replay's one scrubber module: the track's geometry (time ↔ position, moment markers, ticks)
// and, at the end, `scrubberView`, everything Scrubber.vue draws.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SHANGHAI_OFFSET_MS = 8 * HOUR;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Where time `t` sits on a scrubber `width` wide (clamped to the track). */
export function timeToX(w: ReplayWindow, t: number, width: number): number {
  const span = w.to - w.from;
  if (span <= 0 || width <= 0) return 0;
  return clamp(((t - w.from) / span) * width, 0, width);
}

/** The time under position `x` of a track `width` wide, clamped to the window, to the whole second. */
export function xToTime(w: ReplayWindow, x: number, width: number): number {
  if (width <= 0) return w.from;
  return fractionToTime(w, x / width);
}

/** The time at a fraction (0…1) of the window, clamped, to the whole second (ends kept exact). */
export function fractionToTime(w: ReplayWindow, fraction: number): number {
  const f = clamp(Number.isFinite(fraction) ? fraction : 0, 0, 1);
  if (f === 0) return w.from;
  if (f === 1) return w.to;
  return clamp(Math.round((w.from + f * (w.to - w.from)) / 1000) * 1000, w.from, w.to);
}

/** Fraction of the window played at `t`, 0…1. */
export function progress(w: ReplayWindow, t: number): number {
  return timeToX(w, t, 1);
}

/** A keyboard step on the scrubber: 1/100 of the window, at least one minute. */
export function keyStep(w: ReplayWindow): number {
  return Math.max(MINUTE, Math.round((w.to - w.from) / 100 / 1000) * 1000);
}

export interface MomentGroup {
  /** Centre of the group on the track. */
  x: number;
  /** The moment clicking the marker seeks to: the group's first. */
  at: number;
  moments: KeyMoment[];
  /** The colour of its most important moment. */
  colour: string;
  /** Diamond for incidents, bar for warnings. */
  shape: 'incident' | 'warning';
}

/**
 * Markers for the moments on a track `width` wide. Moments closer than `minGapPx` to the first of a group
 * share one marker (coloured and shaped by its most important moment), so a burst of warnings stays
 * clickable instead of piling up. Moments outside the window are left off.
 */
export function groupMoments(moments: readonly KeyMoment[], w: ReplayWindow, width: number, minGapPx: number, state?: LiveState): MomentGroup[] {
  const inside = moments.filter((m) => m.at >= w.from && m.at <= w.to).sort((a, b) => a.at - b.at || a.seq - b.seq);
  const groups: { startX: number; endX: number; moments: KeyMoment[] }[] = [];
  for (const m of inside) {
    const x = timeToX(w, m.at, width);
    const last = groups.at(-1);
    if (last && x - last.startX < minGapPx) {
      last.moments.push(m);
      last.endX = x;
    } else {
      groups.push({ startX: x, endX: x, moments: [m] });
    }
  }
  return groups.map((g) => {
    const lead = g.moments.reduce((best, m) => (momentWeight(m, state) > momentWeight(best, state) ? m : best));
    return {
      x: (g.startX + g.endX) / 2,
      at: g.moments[0]!.at,
      moments: g.moments,
      colour: momentColour(lead, state),
      shape: g.moments.some(isIncidentMoment) ? 'incident' : 'warning',
    };
  });
}

const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MINUTE);

export interface Tick {
  at: number;
  x: number;
  label: string;
  /** Midnight in Shanghai: label with the date. */
  day: boolean;
}

const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const md = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' });

/** Time ticks on Shanghai's round minutes/hours, at least `minSpacingPx` apart. */
export function ticks(w: ReplayWindow, width: number, minSpacingPx: number): Tick[] {
  const span = w.to - w.from;
  if (span <= 0 || width <= 0) return [];
  const step = TICK_STEPS.find((s) => (s / span) * width >= minSpacingPx) ?? TICK_STEPS.at(-1)!;
  const first = Math.ceil((w.from + SHANGHAI_OFFSET_MS) / step) * step - SHANGHAI_OFFSET_MS;
  const out: Tick[] = [];
  for (let t = first; t <= w.to; t += step) {
    const day = (t + SHANGHAI_OFFSET_MS) % (24 * HOUR) === 0;
    const [d, m] = md.format(new Date(t)).split('/');
    out.push({ at: t, x: timeToX(w, t, width), label: day ? `${m}-${d}` : hm.format(new Date(t)), day });
  }
  return out;
}

/** Markers closer than this (native px) share one. */
export const MARKER_MIN_GAP_PX = 56;
/** Tick labels at least this far apart (native px). */
export const TICK_MIN_SPACING_PX = 220;

export interface ScrubberMarker extends MomentGroup {
  key: string;
  /** Tooltip / accessible name: every moment of the group, one per line. */
  label: string;
  count: number;
}

export interface ScrubberView {
  /** Thumb position on the track (native px). */
  thumbX: number;
  /** The time the thumb shows: a drag preview, a seek in flight, or the replay clock. */
  thumbAt: number;
  thumbText: string;
  ticks: Tick[];
  markers: ScrubberMarker[];
  fromText: string;
  toText: string;
}

const shortTime = (t: number, locale: Locale) => {
  const c = formatClock(t, locale);
  return { date: c.date, time: c.time };
};

/** Everything the scrubber draws, for a track `width` native px wide. Pure. */
export function scrubberView(input: {
  window: ReplayWindow;
  at: number;
  seekingTo: number | null;
  preview: number | null;
  moments: readonly KeyMoment[];
  state?: LiveState;
  width: number;
  locale: Locale;
}): ScrubberView {
  const { window: w, width, locale } = input;
  const thumbAt = input.preview ?? input.seekingTo ?? input.at;
  const markers = groupMoments(input.moments, w, width, MARKER_MIN_GAP_PX, input.state).map((g) => ({
    ...g,
    key: `${g.at}-${g.moments[0]!.seq}`,
    count: g.moments.length,
    label: g.moments.map((m) => `${formatClock(m.at, locale).time} ${locale === 'en' ? m.title.en : m.title.zh}`).join('\n'),
  }));
  const from = shortTime(w.from, locale);
  const to = shortTime(w.to, locale);
  return {
    thumbX: timeToX(w, thumbAt, width),
    thumbAt,
    thumbText: formatClock(thumbAt, locale).time,
    ticks: ticks(w, width, TICK_MIN_SPACING_PX),
    markers,
    fromText: `${from.date} ${from.time.slice(0, 5)}`,
    toText: from.date === to.date ? to.time.slice(0, 5) : `${to.date} ${to.time.slice(0, 5)}`,
  };
}
