import { describe, expect, it } from 'vitest';
import { categories } from '../categories/registry.ts';
import { categorySchemasOf } from '../schemas.ts';
import { exampleOf } from '../categories/catalog/example-record.ts';
import { xiamen } from '../region/xiamen/index.ts';
import { CATEGORY_LAYER_IDS, CATEGORY_LAYER_SPECS, layerItems, levelTone, specsOfLayer, thresholdTone } from './layer-specs.ts';
import { MAP_LAYER_IDS } from './map-layers.ts';
import { stateOf } from './test-state.ts';

const T0 = Date.parse('2026-09-14T08:00:00+08:00');
const specOf = (category: string) => CATEGORY_LAYER_SPECS.find((s) => s.category === category)!;
const itemsOf = (category: string, records: { id: string; data: Record<string, unknown> }[]) =>
  layerItems(stateOf(records.map((r) => ({ category, id: r.id, data: r.data, observedAt: T0 }))), specOf(category), xiamen);

describe('category layer specs', () => {
  it('name only real categories, each once, and only layers the wall knows', () => {
    const names = CATEGORY_LAYER_SPECS.map((s) => s.category);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(categories.has(n), n).toBe(true);
    for (const id of CATEGORY_LAYER_IDS) {
      expect(MAP_LAYER_IDS).toContain(id);
      expect(specsOfLayer(id).length, id).toBeGreaterThan(0);
    }
  });

  it("put every category's example record on its layer (the 56-category e2e test sends these)", () => {
    for (const spec of CATEGORY_LAYER_SPECS) {
      const data = exampleOf(categorySchemasOf(xiamen)[spec.category]!) as Record<string, unknown>;
      const items = itemsOf(spec.category, [{ id: 'X1', data }]);
      expect(items.map((i) => i.id), spec.category).toEqual(['X1']);
    }
  });

  it('leave out what is over: a reopened road, a restored feeder, an off-duty patrol, an expert who cannot come', () => {
    expect(itemsOf('road-closure', [{ id: 'A', data: { status: 'reopened', lon: 118.1, lat: 24.5 } }, { id: 'B', data: { status: 'closed', lon: 118.1, lat: 24.5 } }]).map((i) => i.id)).toEqual(['B']);
    expect(itemsOf('power-outage', [{ id: 'A', data: { status: 'restored', households: 0, lon: 118.1, lat: 24.5 } }])).toEqual([]);
    expect(itemsOf('dike-patrol', [{ id: 'A', data: { status: 'off-duty', lon: 118.1, lat: 24.5 } }])).toEqual([]);
    expect(itemsOf('expert', [{ id: 'A', data: { availability: 'unavailable' } }, { id: 'B', data: { availability: 'on-call', name: '林工' } }])).toEqual([{ id: 'B', name: '林工', place: null, tone: 'normal' }]);
  });

  it('colour water levels by their own warning levels', () => {
    const river = (levelM: number) => itemsOf('river-level', [{ id: 'R', data: { levelM, warningLevelM: 5, guaranteeLevelM: 6.5, lon: 118.1, lat: 24.6 } }])[0]!.tone;
    expect([river(4), river(4.6), river(5.2), river(6.5)]).toEqual(['normal', 'watch', 'high', 'alarm']);
    const reservoir = (levelM: number) => itemsOf('reservoir-level', [{ id: 'V', data: { levelM, floodLimitLevelM: 40, designFloodLevelM: 44, lon: 118.1, lat: 24.7 } }])[0]!.tone;
    expect([reservoir(39), reservoir(39.8), reservoir(41), reservoir(44.2)]).toEqual(['normal', 'watch', 'high', 'alarm']);
    // A station that sends no position is counted but not drawn.
    expect(itemsOf('tide-level', [{ id: 'T', data: { levelCm: 100, warningLevelCm: 90 } }])).toEqual([{ id: 'T', name: 'T', place: null, tone: 'high' }]);
  });

  it('place lightning counts at their district centre and leave far-away quakes off the map', () => {
    const [strike] = itemsOf('lightning', [{ id: '350211', data: { district: '集美区', strikes10min: 30 } }]);
    expect(strike!.place).toEqual(xiamen.districts.features.find((f) => f.properties.name === '集美区')!.properties.center);
    expect(strike!.tone).toBe('high');
    expect(itemsOf('lightning', [{ id: '350211', data: { district: '集美区', strikes10min: 0 } }])).toEqual([]);
    const quakes = itemsOf('earthquake-report', [
      { id: 'NEAR', data: { lon: 119.2, lat: 23.6, magnitude: 5.5, place: '台湾海峡南部' } },
      { id: 'FAR', data: { lon: 80, lat: 30, magnitude: 6.2, place: '西藏' } },
    ]);
    expect(quakes.map((q) => [q.id, q.place !== null, q.tone])).toEqual([['FAR', false, 'alarm'], ['NEAR', true, 'high']]);
  });

  it('grade on one scale', () => {
    expect(thresholdTone(null, [1, 2, 3])).toBe('normal');
    expect([0.5, 1, 2, 3].map((v) => thresholdTone(v, [1, 2, 3]))).toEqual(['normal', 'watch', 'high', 'alarm']);
    expect(levelTone(5, null, null, 1)).toBe('normal');
  });

  it('keep ids from outside as plain keys', () => {
    expect(itemsOf('manhole-alert', [{ id: '__proto__', data: { status: 'alarm', alarm: 'overflow', lon: 118.1, lat: 24.5 } }]).map((i) => i.id)).toEqual(['__proto__']);
  });
});

describe('enterprise risk grades', () => {
  it('colour by the four-colour grade, and an unknown grade as normal', () => {
    const tone = (riskGrade: string) => layerItems(stateOf([{ category: 'enterprise-risk', id: 'E', observedAt: T0, data: { riskGrade, lon: 118.1, lat: 24.5 } }]), specOf('enterprise-risk'), xiamen)[0]!.tone;
    expect(['red', 'orange', 'yellow', 'blue', 'constructor'].map(tone)).toEqual(['alarm', 'high', 'watch', 'normal', 'normal']);
  });
});
