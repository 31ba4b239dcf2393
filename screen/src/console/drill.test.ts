import { describe, expect, it } from 'vitest';
import { xiamen, type ViewRef } from '@beacon/shared';
import { breadcrumbs, parseViewParam, searchWithView, subdistrictsOf, viewLabel } from './drill.ts';
import { consoleState } from './fixtures.test-state.ts';

describe('the drill path in the URL', () => {
  it('round-trips every level through ?view=', () => {
    const views: ViewRef[] = [
      { kind: 'city' },
      { kind: 'district', district: '集美区' },
      { kind: 'subdistrict', district: '集美区', subdistrict: '灌口' },
      { kind: 'incident', incidentId: 'INC-1' },
    ];
    for (const v of views) {
      const search = searchWithView('?lang=en', v);
      expect(search).toContain('lang=en');
      expect(parseViewParam(new URLSearchParams(search).get('view'), xiamen)).toEqual(v);
    }
    expect(searchWithView('?view=district%3A集美区', { kind: 'city' })).toBe('');
  });

  it('falls back to the city for anything it does not know', () => {
    for (const bad of ['district:火星区', 'subdistrict:集美区/不存在', 'subdistrict:集美区', 'incident:<script>', 'nonsense', '']) {
      expect(parseViewParam(bad, xiamen)).toEqual({ kind: 'city' });
    }
  });

  it('lists a district\'s subdistricts from the region', () => {
    expect(subdistrictsOf(xiamen, '集美区')).toEqual(['集美', '杏林', '侨英', '灌口', '后溪']);
  });
});

describe('breadcrumbs', () => {
  const s = consoleState();
  it('go city → district → subdistrict → incident, an incident through the place it is in', () => {
    const trail = breadcrumbs({ kind: 'incident', incidentId: 'INC-1' }, s, xiamen, 'zh-CN', '全市');
    expect(trail.map((c) => c.label)).toEqual(['全市', '集美区', '灌口', '灌口镇山体滑坡']);
    expect(trail[2]!.view).toEqual({ kind: 'subdistrict', district: '集美区', subdistrict: '灌口' });
  });

  it('speak English when asked', () => {
    const trail = breadcrumbs({ kind: 'subdistrict', district: '集美区', subdistrict: '灌口' }, s, xiamen, 'en', 'Whole city');
    expect(trail.map((c) => c.label)).toEqual(['Whole city', 'Jimei', 'Guankou']);
    expect(viewLabel({ kind: 'subdistrict', district: '集美区', subdistrict: '灌口' }, s, xiamen, 'zh-CN', '全市')).toBe('集美区 · 灌口');
  });

  it('name an unknown incident by its id', () => {
    expect(breadcrumbs({ kind: 'incident', incidentId: 'GONE' }, s, xiamen, 'zh-CN', '全市').map((c) => c.label)).toEqual(['全市', 'GONE']);
  });
});
