import { describe, expect, it } from 'vitest';
import { emptyLiveState, fold, xiamen, type RecordReceived } from '@beacon/shared';
import { regionBounds } from './mapGeometry.ts';
import { mapFocus } from './mapFocus.ts';

const incident: RecordReceived = {
  type: 'record.received', seq: 1, receivedAt: '2026-09-14T02:00:00Z', department: 'emergency', category: 'incident', entityId: 'I1',
  observedAt: '2026-09-14T02:00:00Z', version: 1, payload: { incidentId: 'I1', lon: 118.03, lat: 24.6, district: '集美区', status: 'open' },
};
const state = fold(emptyLiveState(), [incident]);

describe('map focus', () => {
  it('shows the whole city unfocused', () => {
    expect(mapFocus(xiamen, state, { kind: 'city' })).toBeNull();
  });

  it('centres a district inside its own bounds and zooms in, more for smaller districts', () => {
    const jimei = mapFocus(xiamen, state, { kind: 'district', district: '集美区' })!;
    const b = regionBounds({ ...xiamen, districts: { ...xiamen.districts, features: xiamen.districts.features.filter((f) => f.properties.name === '集美区') } });
    expect(jimei.center[0]).toBeGreaterThan(b.lonMin);
    expect(jimei.center[0]).toBeLessThan(b.lonMax);
    expect(jimei.zoom).toBeGreaterThan(1);
    const siming = mapFocus(xiamen, state, { kind: 'district', district: '思明区' })!;
    expect(siming.zoom).toBeGreaterThan(jimei.zoom);
    expect(jimei.district).toBe('集美区');
  });

  it('centres an incident and zooms to its 5 km surroundings, closer than its district', () => {
    const f = mapFocus(xiamen, state, { kind: 'incident', incidentId: 'I1' })!;
    expect(f.center).toEqual([118.03, 24.6]);
    expect(f.incident).toEqual([118.03, 24.6]);
    expect(f.zoom).toBeGreaterThan(mapFocus(xiamen, state, { kind: 'district', district: '集美区' })!.zoom);
    expect(mapFocus(xiamen, state, { kind: 'incident', incidentId: 'unknown' })).toBeNull();
  });

  it('falls back to the district for an unknown subdistrict', () => {
    expect(mapFocus(xiamen, state, { kind: 'subdistrict', district: '集美区', subdistrict: '无此镇' })).toEqual(mapFocus(xiamen, state, { kind: 'district', district: '集美区' }));
  });
});

describe('focus rings', () => {
  it('ring the incident at 1, 3 and 5 km, the outer one solid', async () => {
    const { focusRings } = await import('./oneMapOptions.ts');
    const rings = focusRings([118.03, 24.6]);
    expect(rings.map((r) => r.dashed)).toEqual([true, true, false]);
    // The 5 km ring's northernmost point is 5 km north of the centre (1° latitude ≈ 111 km).
    const north = Math.max(...rings[2]!.points.map((p) => p[1]));
    expect((north - 24.6) * 111.32).toBeCloseTo(5, 1);
  });
});

describe('leaving a focus', () => {
  it('drops the centre and zoom and the rings, so the chart fits the whole region again', async () => {
    const { oneMapOptions } = await import('./oneMapOptions.ts');
    const { messages } = await import('../../i18n/messages.ts');
    const { allLayersVisible } = await import('./layers.ts');
    const visible = allLayersVisible();
    const base = { state, region: xiamen, now: 0, locale: 'zh-CN' as const, t: messages['zh-CN'], risk: null, visible, box: { width: 1600, height: 1400 } };
    const focused = oneMapOptions({ ...base, focus: mapFocus(xiamen, state, { kind: 'incident', incidentId: 'I1' }) });
    const city = oneMapOptions({ ...base, focus: null });
    const geo = (o: unknown) => (o as { geo: { zoom: number; center: number[] } }).geo;
    expect(geo(focused).zoom).toBeGreaterThan(1);
    expect(geo(city).zoom).toBeUndefined();
    expect(geo(city).center).toBeUndefined();
    const ids = (o: unknown) => ((o as { series: { id?: string }[] }).series).map((x) => x.id);
    expect(ids(focused)).toContain('focus-rings');
    expect(ids(city)).not.toContain('focus-rings');
  });
});
