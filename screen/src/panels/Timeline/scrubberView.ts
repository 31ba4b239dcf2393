import type { KeyMoment, LiveState, ReplayWindow } from '@beacon/shared';
import { formatClock, type Locale } from '../../i18n/index.ts';
import { groupMoments, ticks, timeToX, type MomentGroup, type Tick } from '../../replay/scrubber.ts';

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
