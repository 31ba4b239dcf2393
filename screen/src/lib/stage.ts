import { NATIVE_HEIGHT, NATIVE_WIDTH } from '../charts/theme.ts';

export interface StageFit {
  scale: number;
  left: number;
  top: number;
}

/** One uniform scale for the whole wall, letterboxed and centred: text is never stretched. */
export function fitStage(viewportWidth: number, viewportHeight: number, width = NATIVE_WIDTH, height = NATIVE_HEIGHT): StageFit {
  const scale = Math.max(0.01, Math.min(viewportWidth / width, viewportHeight / height));
  return { scale, left: (viewportWidth - width * scale) / 2, top: (viewportHeight - height * scale) / 2 };
}

/** The wide design: a 32:9 wall (two 4K panels side by side) gets its own layout at 7680×2160, not a 16:9 one with black sides. */
export const WIDE_WIDTH = 7680;
const WIDE_FROM_ASPECT = 3; // between 16:9 (1.78) and 32:9 (3.56)

export interface StageDesign {
  width: number;
  height: number;
  wide: boolean;
}

/** Which design a window shows: the wide one for walls about twice as wide as 16:9, else the 3840×2160 one. */
export function stageDesign(viewportWidth: number, viewportHeight: number, allowWide = true): StageDesign {
  const wide = allowWide && viewportWidth / Math.max(1, viewportHeight) >= WIDE_FROM_ASPECT;
  return { width: wide ? WIDE_WIDTH : NATIVE_WIDTH, height: NATIVE_HEIGHT, wide };
}
