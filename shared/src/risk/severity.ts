import type { GradeThresholds } from '../categories/grades.ts';

/**
 * How far a value has climbed the four colours, 0–1: nothing below blue, ¼ at blue, ½ at yellow,
 * ¾ at orange, 1 at red and above, linear in between. Linear so a gauge going from 29 to 31 mm does
 * not make the score jump, and anchored at the colours so the points read in the hall's terms.
 */
export function severity(value: number, t: GradeThresholds): number {
  if (!(value >= t.blue)) return 0;
  if (value >= t.red) return 1;
  const knots: [number, number][] = [
    [t.blue, 0.25],
    [t.yellow, 0.5],
    [t.orange, 0.75],
    [t.red, 1],
  ];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i]!;
    const [x0, y0] = knots[i - 1]!;
    if (value < x1) return y0 + ((y1 - y0) * (value - x0)) / (x1 - x0);
  }
  return 1;
}

/** One decimal: what the wall shows, and what the tests compare. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
