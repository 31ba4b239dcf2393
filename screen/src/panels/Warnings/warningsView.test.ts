import { describe, expect, it } from 'vitest';
import { xiamen } from '@beacon/shared';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { gradeColour } from '../../charts/theme.ts';
import { warningsView } from './warningsView.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;
const warn = (category: string, id: string, level: string, areas: string[], minutesAgo: number, status = 'active') => ({
  category, id, observedAt: NOW - minutesAgo * MIN, data: { level, status, event: id, areas, headline: id },
});

describe('warningsView', () => {
  const state = stateOf([
    warn('weather-warning', '暴雨', 'orange', [], 5),
    warn('storm-surge-warning', '风暴潮', 'red', ['思明区', '湖里区'], 16),
    warn('geohazard-warning', '地灾', 'yellow', ['同安区'], 2),
    warn('flash-flood-warning', '山洪', 'red', [], 1, 'lifted'),
  ]);

  it('lists warnings in force, most severe first, with their areas and age', () => {
    const v = warningsView(state, xiamen, NOW, 'zh-CN', messages['zh-CN']);
    expect(v.rows.map((r) => r.title)).toEqual(['风暴潮 红色', '暴雨 橙色', '地灾 黄色']);
    expect(v.rows[0]).toMatchObject({ colour: gradeColour.red, areas: '思明区、湖里区', ageText: '16 分钟前' });
    expect(v.rows[1]!.areas).toBe('全市');
    // Each row says which feed it came from (the screen marks it for the every-category e2e test).
    expect(v.rows.map((r) => r.category)).toEqual(['storm-surge-warning', 'weather-warning', 'geohazard-warning']);
  });

  it('counts warnings per colour, lifted ones not at all', () => {
    const v = warningsView(state, xiamen, NOW, 'zh-CN', messages['zh-CN']);
    expect(Object.fromEntries(v.counts.map((c) => [c.level, c.count]))).toEqual({ red: 1, orange: 1, yellow: 1, blue: 0 });
  });

  it('speaks English with English district names and warning types', () => {
    const v = warningsView(state, xiamen, NOW, 'en', messages.en);
    expect(v.rows[0]!.areas).toBe('Siming, Huli');
    expect(v.rows.map((r) => r.title)).toEqual(['Storm surge Red', 'Rainstorm Orange', '地灾 Yellow']); // a type we do not know is shown as sent
  });

  it('says since when when the warning feeds went quiet', () => {
    const v = warningsView(state, xiamen, NOW + 4 * 3600_000, 'zh-CN', messages['zh-CN']);
    expect(v.age.tone).toBe('silent');
    expect(v.age.text).toMatch(/起中断$/);
  });
});

describe('warningsView over names Object.prototype answers for', () => {
  it('shows an event and areas named constructor or __proto__ as they were sent', () => {
    const state = stateOf([warn('weather-warning', 'constructor', 'red', ['constructor', '__proto__'], 3)]);
    const v = warningsView(state, xiamen, NOW, 'en', messages.en);
    expect(v.rows).toHaveLength(1);
    const shown = JSON.stringify(v.rows[0]);
    expect(shown).toContain('constructor');
    expect(shown).not.toContain('native code');
    expect(v.rows[0]!.areas).toBe('constructor, __proto__');
  });
});
