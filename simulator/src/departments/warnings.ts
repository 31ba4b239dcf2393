/**
 * Warnings as a pure function of storm hour: a warning is issued when its level first reaches blue,
 * follows its level up and down, and is lifted (解除) when the level falls back below blue. The same
 * alertId is reused throughout, as a CAP sender updates one alert.
 */
import { FIRST_HOUR, LAST_HOUR, isoAfter, type Moment, type Rec } from './scenario.ts';

export const LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type Level = (typeof LEVELS)[number];
const LEVEL_ZH: Record<Level, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

/** Level index 0 (none) … 4 (red) for a value against blue/yellow/orange/red lower bounds. */
export function levelIndex(value: number, bounds: readonly [number, number, number, number]): number {
  let i = 0;
  while (i < 4 && value >= bounds[i]!) i++;
  return i;
}

export interface WarningState {
  level: Level;
  status: 'active' | 'lifted';
}

const STEP_H = 0.25;

/** Tabulates a level function once and answers "what is this warning at hour h?" (null: not yet issued). */
export function warningTrack(levelAt: (hour: number) => number): (hour: number) => WarningState | null {
  let levels: number[] | null = null;
  return (hour) => {
    levels ??= Array.from({ length: Math.round((LAST_HOUR - FIRST_HOUR) / STEP_H) + 1 }, (_, i) => levelAt(FIRST_HOUR + i * STEP_H));
    const at = Math.max(0, Math.min(levels.length - 1, Math.floor((hour - FIRST_HOUR) / STEP_H)));
    const now = levels[at]!;
    if (now > 0) return { level: LEVELS[now - 1]!, status: 'active' };
    // Below blue now: lifted if it was ever issued earlier in the pass, showing the last level it had.
    for (let i = at - 1; i >= 0; i--) if (levels[i]! > 0) return { level: LEVELS[levels[i]! - 1]!, status: 'lifted' };
    return null;
  };
}

export interface AlertText {
  alertId: string;
  /** e.g. "台风", "暴雨" */
  event: string;
  /** e.g. "厦门市气象台" */
  sender: string;
  /** What the warning is, after the colour: "预警信号", "预警", "警报". */
  noun: string;
  areas: readonly string[];
  advice: string;
}

/** The alert record (shared alert schema) for a warning's state at a moment. */
export function alertRecord(m: Moment, text: AlertText, state: WarningState): Rec {
  const active = state.status === 'active';
  const headline = active
    ? `${text.sender}发布${text.event}${LEVEL_ZH[state.level]}${text.noun}`
    : `${text.sender}解除${text.event}${text.noun}`;
  return {
    alertId: text.alertId,
    observedAt: m.nowIso,
    level: state.level,
    status: state.status,
    event: text.event,
    headline,
    description: active ? `${headline}。${text.advice}` : `${headline}。`,
    areas: [...text.areas],
    ...(active ? { expiresAt: isoAfter(m, 6) } : {}),
    sender: text.sender,
  };
}
