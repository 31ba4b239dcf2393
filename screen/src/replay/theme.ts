/**
 * Replay's own colour, used for nothing on the live wall: a violet that says "this is history" at a
 * glance from across the hall. Text rules as the wall's (theme.test.ts): ≥ 4.5:1 wherever it is text.
 */
export const replayPalette = {
  replay: '#c9a2ff',
  replayBg: '#2a1745',
  replayDim: '#5b3f8c',
} as const;

export function replayCssVariables(): Record<string, string> {
  return { '--replay': replayPalette.replay, '--replay-bg': replayPalette.replayBg, '--replay-dim': replayPalette.replayDim };
}
