import { describe, expect, it } from 'vitest';
import { fitStage } from './stage.ts';

describe('fitStage', () => {
  it('is 1 at the native 3840×2160', () => {
    expect(fitStage(3840, 2160)).toEqual({ scale: 1, left: 0, top: 0 });
  });
  it('letterboxes a 4:3-ish window top and bottom with one scale', () => {
    const f = fitStage(1180, 820);
    expect(f.scale).toBeCloseTo(1180 / 3840, 10);
    expect(f.left).toBeCloseTo(0, 10);
    expect(f.top).toBeCloseTo((820 - 2160 * f.scale) / 2, 10);
    expect(f.top).toBeGreaterThan(0);
  });
  it('pillarboxes a 32:9 wall left and right', () => {
    const f = fitStage(7680, 2160);
    expect(f.scale).toBe(1);
    expect(f.left).toBe(1920);
    expect(f.top).toBe(0);
  });
});
