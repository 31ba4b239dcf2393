import type { Grade } from '@beacon/shared';

/**
 * The wall's palette: dark and calm, read from 10 m. Every text colour here keeps ≥ 4.5:1
 * against the panel background (theme.test.ts checks it), and nothing on the wall is smaller
 * than `minFontPx` at native 3840×2160.
 */
export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';

export const palette = {
  letterbox: '#000000',
  stage: '#07111c',
  panel: '#0d1a29',
  panelBorder: '#24405e',
  text: '#e9f0f7',
  textMuted: '#a7b7c9',
  accent: '#5cc8ff',
  mapArea: '#12263b',
  mapBorder: '#4b7aa6',
  gridLine: '#23384f',
  /** Data with no reading, or a feed that went silent. */
  noData: '#8a94a3',
  warnLate: '#ffb02e',
  warnSilent: '#ff5c5c',
  bannerLateBg: '#3a2a08',
  bannerSilentBg: '#3d0f12',
  live: '#3ddc97',
} as const;

/** The hall's four warning colours; `none` (below the blue mark) is a calm green. */
export const gradeColour: Record<Grade, string> = {
  none: '#3ddc97',
  blue: '#4f9dff',
  yellow: '#ffd60a',
  orange: '#ff9228',
  red: '#ff5252',
};

export const fontPx = {
  min: 28,
  small: 30,
  body: 38,
  row: 42,
  panelTitle: 46,
  clock: 64,
  title: 68,
} as const;

export const NATIVE_WIDTH = 3840;
export const NATIVE_HEIGHT = 2160;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The theme as CSS custom properties (`--text-muted`, `--fs-panel-title` …): one source for CSS and canvas. */
export function cssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(palette)) vars[`--${kebab(k)}`] = v;
  for (const [k, v] of Object.entries(fontPx)) vars[`--fs-${kebab(k)}`] = `${v}px`;
  vars['--font'] = FONT_STACK;
  return vars;
}

/** Blends two #rrggbb colours: t = 0 gives `a`, 1 gives `b`. Used to dim symbols without fading their labels. */
export function mix(a: string, b: string, t: number): string {
  const pa = Number.parseInt(a.slice(1), 16);
  const pb = Number.parseInt(b.slice(1), 16);
  const ch = (shift: number) => Math.round(((pa >> shift) & 255) * (1 - t) + ((pb >> shift) & 255) * t);
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}
