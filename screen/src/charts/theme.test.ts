import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariables, fontPx, gradeColour, mix, palette } from './theme.ts';

describe('wall theme', () => {
  const textColours = { text: palette.text, textMuted: palette.textMuted, noData: palette.noData, warnLate: palette.warnLate, warnSilent: palette.warnSilent, live: palette.live, accent: palette.accent, ...gradeColour };

  it.each(Object.entries(textColours))('%s text keeps 4.5:1 on the panel and the stage', (_name, colour) => {
    expect(contrastRatio(colour, palette.panel)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colour, palette.stage)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps banner text readable on the banner backgrounds', () => {
    expect(contrastRatio(palette.text, palette.bannerLateBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palette.text, palette.bannerSilentBg)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps map labels readable on the district fill', () => {
    expect(contrastRatio(palette.text, palette.mapArea)).toBeGreaterThanOrEqual(4.5);
  });

  it('has no font size under 28 px at native size', () => {
    expect(Math.min(...Object.values(fontPx))).toBeGreaterThanOrEqual(28);
  });

  it('computes the WCAG ratio correctly for black on white', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

describe('cssVariables', () => {
  it('exposes the palette and font sizes to CSS under kebab-case names', () => {
    const vars = cssVariables();
    expect(vars['--text-muted']).toBe(palette.textMuted);
    expect(vars['--banner-silent-bg']).toBe(palette.bannerSilentBg);
    expect(vars['--fs-panel-title']).toBe(`${fontPx.panelTitle}px`);
    expect(vars['--fs-min']).toBe('28px');
  });
});

describe('mix', () => {
  it('blends channel by channel', () => {
    expect(mix('#000000', '#ffffff', 0)).toBe('#000000');
    expect(mix('#000000', '#ffffff', 1)).toBe('#ffffff');
    expect(mix('#ff0000', '#0000ff', 0.5)).toBe('#800080');
  });
});
