import { describe, expect, it } from 'vitest';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { defenceView, sparkline, TREND_BOX } from './defenceView.ts';

const NOW = Date.parse('2026-09-14T20:00:00+08:00');
const MIN = 60_000;

const state = stateOf([
  { category: 'evacuation', id: '350213', observedAt: NOW - 3 * MIN, data: { evacuatedPeople: 12_345 } },
  { category: 'fishing-boat', id: 'HB-A', observedAt: NOW - MIN, data: { boatsRegistered: 400, boatsInHarbour: 300, boatsAtSea: 100 } },
  { category: 'tower-crane', id: 'C1', observedAt: NOW - MIN, data: { status: 'secured' } },
  { category: 'tower-crane', id: 'C2', observedAt: NOW - MIN, data: { status: 'unsecured' } },
  { category: 'casualty-report', id: 'CAS-1', observedAt: NOW - MIN, data: { deaths: 1, injured: 4, missing: 2 } },
  { category: 'river-level', id: 'RIV-1', observedAt: NOW - MIN, data: { levelM: 5.2, warningLevelM: 5 } },
  // Power went quiet 3 hours ago: its feed is silent (expected every few minutes).
  { category: 'power-outage', id: 'P1', observedAt: NOW - 180 * MIN, data: { status: 'out', households: 2_500 } },
]);
const zh = defenceView(state, NOW, 'zh-CN', messages['zh-CN']);
const en = defenceView(state, NOW, 'en', messages.en);
const row = (v: typeof zh, id: string) => v.rows.find((r) => r.id === id)!;
/** A row's reading as a reader sees it. */
const reading = (v: typeof zh, id: string) => row(v, id).value.map((p) => [p.before, p.number, p.after].filter(Boolean).join(' ')).join(' · ');

describe('defenceView', () => {
  it('names each figure in both languages, with its unit in that language', () => {
    expect(row(zh, 'evacuated').label).toBe('转移人员');
    expect(reading(zh, 'evacuated')).toBe('12,345 人');
    expect(row(en, 'evacuated').label).toBe('People moved to safety');
    expect(reading(en, 'evacuated')).toBe('12,345 people');
    expect(reading(en, 'boats-in-harbour')).toBe('300 / 400 boats');
    expect(reading(en, 'rivers-over')).toBe('1 / 1 station');
    expect(reading(en, 'households-without-power')).toBe('2,500 homes');
    expect(row(en, 'boats-in-harbour').detail).toBe('100 at sea');
    expect(row(zh, 'boats-in-harbour').detail).toBe('在海 100 艘');
  });

  it('gives each row its department and data age, and says when a feed went quiet', () => {
    expect(row(zh, 'evacuated')).toMatchObject({ source: '民政 · 3 分钟前', tone: 'live' });
    expect(row(en, 'evacuated').source).toBe('Civil affairs · 3 min ago');
    const power = row(zh, 'households-without-power');
    expect(power.tone).toBe('silent');
    expect(power.source).toMatch(/^供电 · \d\d:\d\d 起中断$/);
  });

  it('one silent feed does not make the whole panel look stale', () => {
    expect(zh.age.tone).toBe('live');
    expect(zh.age.text).toBe('数据 1 分钟前');
  });

  it('says "no data" for a department that has sent nothing, with no unit and no trend', () => {
    expect(row(zh, 'schools-closed')).toMatchObject({ value: [], noData: '无数据', entities: 0, trend: null, detail: null, source: '教育' });
    expect(row(en, 'schools-closed').noData).toBe('No data');
    expect(row(zh, 'evacuated').noData).toBeNull();
  });

  it('shows progress towards a target, and marks bad news', () => {
    expect(row(zh, 'boats-in-harbour').progress).toBe(0.75);
    expect(row(zh, 'cranes-secured')).toMatchObject({ progress: 0.5, detail: '未加固 1 台' });
    expect(reading(zh, 'cranes-secured')).toBe('1 / 2 台');
    expect(row(zh, 'evacuated').progress).toBeNull();
    expect(row(zh, 'casualties').alarm).toBe(true);
    expect(reading(zh, 'casualties')).toBe('亡 1 · 伤 4 · 失踪 2');
    expect(reading(en, 'casualties')).toBe('1 dead · 4 injured · 2 missing');
    expect(row(zh, 'rivers-over').alarm).toBe(true);
    expect(reading(zh, 'rivers-over')).toBe('1 / 1 个');
    expect(row(zh, 'evacuated').alarm).toBe(false);
  });

  it('keeps Chinese text free of ASCII colons', () => {
    for (const r of zh.rows) for (const s of [r.label, reading(zh, r.id), r.detail ?? '', r.source]) expect(s).not.toMatch(/:(?!\d)/);
  });
});

describe('sparkline', () => {
  it('draws time left to right and value bottom to top, inside the box', () => {
    expect(sparkline([0, 5, 10], { width: 100, height: 40 }, 0)).toBe('0,40 50,20 100,0');
  });
  it('draws all zeros as a flat line at the bottom, and nothing for a single point', () => {
    expect(sparkline([0, 0], { width: 100, height: 40 }, 2)).toBe('2,38 98,38');
    expect(sparkline([3])).toBeNull();
  });
  it('stays inside the default box', () => {
    const pts = sparkline([1, 9, 4, 100, 0])!.split(' ').map((p) => p.split(',').map(Number));
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(TREND_BOX.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(TREND_BOX.height);
    }
  });
});
