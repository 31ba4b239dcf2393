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
