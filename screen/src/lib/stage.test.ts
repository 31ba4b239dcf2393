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

describe('stageDesign', () => {
  it('gives a 32:9 wall the wide 7680×2160 design at scale 1, and 16:9 or tablets the 3840×2160 one', async () => {
    const { stageDesign } = await import('./stage.ts');
    expect(stageDesign(7680, 2160)).toEqual({ width: 7680, height: 2160, wide: true });
    expect(stageDesign(3840, 2160).wide).toBe(false);
    expect(stageDesign(1920, 1080).wide).toBe(false);
    expect(stageDesign(820, 1180).wide).toBe(false);
    expect(stageDesign(7680, 2160, false).wide).toBe(false);
    const d = stageDesign(7680, 2160);
    expect(fitStage(7680, 2160, d.width, d.height)).toEqual({ scale: 1, left: 0, top: 0 });
  });
});
