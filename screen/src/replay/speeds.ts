import { REPLAY_SPEEDS, type ReplaySpeed } from '@beacon/shared';

export { REPLAY_SPEEDS, type ReplaySpeed };

export function isReplaySpeed(v: unknown): v is ReplaySpeed {
  return (REPLAY_SPEEDS as readonly unknown[]).includes(v);
}

/** "60×": the label on the speed buttons (same in both languages). */
export function speedLabel(speed: ReplaySpeed): string {
  return `${speed}×`;
}

/** Real time needed to play `spanMs` of history at `speed`. */
export function playDuration(spanMs: number, speed: ReplaySpeed): number {
  return Math.max(0, spanMs) / speed;
}
