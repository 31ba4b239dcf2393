import { describe, expect, it } from 'vitest';
import { legendPlace } from './legendPlacement.ts';

describe('legendPlace', () => {
  const base = { mapWidth: 1700, legendWidth: 620, gap: 24, margin: 28 };
  it('stands bottom-right beside the map without clocks', () => {
    expect(legendPlace({ ...base, clocks: null })).toBe('bottom-right');
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
