import { describe, expect, it } from 'vitest';
import { legendPlace } from './legendPlacement.ts';

describe('legendPlace', () => {
  const base = { mapWidth: 1700, legendWidth: 620, gap: 24, margin: 28 };
  it('stands bottom-right beside the map without clocks', () => {
    expect(legendPlace({ ...base, clocks: null })).toBe('bottom-right');
  });
  it('goes to a band across the bottom when beside it the map would keep less than 60% of its width', () => {
    // The 16:9 wall beside the defence panel: a map ~1,000 px wide, a legend of ~620.
    expect(legendPlace({ ...base, mapWidth: 1000, clocks: null })).toBe('bottom-band');
    // The boundary: exactly 60% left beside it still stands beside.
    const width = (620 + 28 + 24) / 0.4;
    expect(legendPlace({ ...base, mapWidth: width, clocks: null })).toBe('bottom-right');
    expect(legendPlace({ ...base, mapWidth: width - 1, clocks: null })).toBe('bottom-band');
  });
  it('moves up beside the clocks when it fits there', () => {
    expect(legendPlace({ ...base, clocks: { right: 928, bottom: 860 } })).toBe('beside-clocks');
    // Exactly fitting still fits.
    expect(legendPlace({ ...base, mapWidth: 928 + 24 + 620 + 28, clocks: { right: 928, bottom: 860 } })).toBe('beside-clocks');
  });
  it('goes below the clocks in a map too narrow to stand beside them', () => {
    expect(legendPlace({ ...base, mapWidth: 1135, clocks: { right: 928, bottom: 860 } })).toBe('below-clocks');
  });
});
