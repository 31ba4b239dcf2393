import { describe, expect, it } from 'vitest';
import { LAYER_IDS, parseLayersQuery } from './layers.ts';

describe('parseLayersQuery', () => {
  it('says nothing when the URL has no layers', () => {
    expect(parseLayersQuery('?lang=en')).toBeNull();
  });
  it('shows exactly the listed layers', () => {
    const v = parseLayersQuery('?layers=risk,incident,bogus')!;
    expect(LAYER_IDS.filter((id) => v[id])).toEqual(['risk', 'incident']);
  });
  it('hides layers from the full set with a minus', () => {
    const v = parseLayersQuery('?layers=-population,-rain')!;
    expect(LAYER_IDS.filter((id) => !v[id])).toEqual(['population', 'rain']);
  });
  it('an empty value hides everything', () => {
    const v = parseLayersQuery('?layers=')!;
    expect(Object.values(v).some(Boolean)).toBe(false);
  });
});
