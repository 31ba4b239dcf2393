import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../charts/theme.ts';
import { phaseColours } from './forwardPostsStyle.ts';

describe('forward post colours', () => {
  it('keep text and accent at ≥ 4.5:1 on their background in every phase', () => {
    for (const [phase, c] of Object.entries(phaseColours)) {
      expect(contrastRatio(c.text, c.background), phase).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.accent, c.background), phase).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('make overdue a red block, unlike every other phase', () => {
    const red = phaseColours.overdue.background;
    expect(Number.parseInt(red.slice(1, 3), 16)).toBeGreaterThan(0x90);
    for (const p of ['running', 'linked', 'linked-late'] as const) expect(phaseColours[p].background).not.toBe(red);
  });
});
