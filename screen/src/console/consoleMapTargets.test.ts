import { describe, expect, it } from 'vitest';
import { xiamen } from '@beacon/shared';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { consoleMapTargets } from './consoleMapTargets.ts';
import { subdistrictsOf } from './drill.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const state = stateOf([
  { category: 'incident', id: 'INC-1', observedAt: NOW, data: { title: '灌口镇山体滑坡', severity: 'II', status: 'open', lon: 117.99, lat: 24.6, district: '集美区' } },
  { category: 'incident', id: 'INC-2', observedAt: NOW, data: { title: '已办结', severity: 'I', status: 'closed', lon: 118.1, lat: 24.5, district: '思明区' } },
  { category: 'incident', id: 'INC-3', observedAt: NOW, data: { title: '禾山工地围挡倒塌', severity: 'IV', status: 'handling', lon: 118.15, lat: 24.51, district: '湖里区' } },
]);

describe('the console map: what a tap drills into', () => {
  it('from the city: each district, and every open incident', () => {
    const targets = consoleMapTargets({ kind: 'city' }, state, xiamen, 'zh-CN');
    expect(targets.filter((t) => t.kind === 'district').map((t) => t.view)).toEqual(xiamen.districts.features.map((f) => ({ kind: 'district', district: f.properties.name })));
    expect(targets.filter((t) => t.kind === 'incident').map((t) => t.key).sort()).toEqual(['incident:INC-1', 'incident:INC-3']);
  });

  it('from a district: its subdistricts at their seats, and only its own incidents', () => {
    const targets = consoleMapTargets({ kind: 'district', district: '集美区' }, state, xiamen, 'en');
    const subs = targets.filter((t) => t.kind === 'subdistrict');
    expect(subs.map((t) => t.view)).toEqual(subdistrictsOf(xiamen, '集美区').map((s) => ({ kind: 'subdistrict', district: '集美区', subdistrict: s })));
    // English names on an English console.
    expect(subs.every((t) => /^[\x20-\x7e]+$/.test(t.label))).toBe(true);
    expect(targets.filter((t) => t.kind === 'incident').map((t) => t.key)).toEqual(['incident:INC-1']);
  });

  it('from a subdistrict: the incidents of its district; at an incident: nothing further', () => {
    const sub = subdistrictsOf(xiamen, '湖里区')[0]!;
    expect(consoleMapTargets({ kind: 'subdistrict', district: '湖里区', subdistrict: sub }, state, xiamen, 'zh-CN').map((t) => t.key)).toEqual(['incident:INC-3']);
    expect(consoleMapTargets({ kind: 'incident', incidentId: 'INC-1' }, state, xiamen, 'zh-CN')).toEqual([]);
  });
});
