import { describe, expect, it } from 'vitest';
import { emptyLiveState, xiamen } from '@beacon/shared';
import { messages } from '../../i18n/messages.ts';
import { gradeColour, palette } from '../../charts/theme.ts';
import { rainState, T0 } from '../../testing/rain-state.ts';
import { rainRankingView, type RankingInput } from './rainRankingView.ts';

const ids = xiamen.rainGauges.map((g) => g.id);

function input(over: Partial<RankingInput>): RankingInput {
  return { state: emptyLiveState(), region: xiamen, now: T0, locale: 'zh-CN', t: messages['zh-CN'], feed: 'live', selectedId: null, ...over };
}

describe('rainRankingView', () => {
  // Every gauge reports; gauge i gets i mm, so the last ten gauges are the wettest.
  const state = rainState(ids.map((stationId, i) => ({ stationId, mm: i, at: T0 })));

  it('lists the ten wettest gauges, wettest first, ranked 1..10', () => {
    const v = rainRankingView(input({ state, now: T0 + 60_000 }));
    expect(v.rows).toHaveLength(10);
    expect(v.rows.map((r) => r.stationId)).toEqual(ids.slice(-10).reverse());
    expect(v.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const mm = v.rows.map((r) => r.mm);
    expect([...mm].sort((a, b) => b - a)).toEqual(mm);
  });

  it('names the station and district in the chosen language, with one-decimal values', () => {
    const s = rainState([{ stationId: 'SM01', mm: 52.25, at: T0 }]);
    const [zh] = rainRankingView(input({ state: s })).rows;
    expect(zh).toMatchObject({ name: '鼓浪屿', district: '思明区', mmText: '52.3', grade: 'red', colour: gradeColour.red });
    const [en] = rainRankingView(input({ state: s, locale: 'en', t: messages.en })).rows;
    expect(en).toMatchObject({ name: 'Gulangyu', district: 'Siming' });
  });

  it('colours rows by grade and greys them all when the feed is silent', () => {
    const s = rainState([
      { stationId: 'SM01', mm: 35, at: T0 },
      { stationId: 'HL01', mm: 10, at: T0 },
    ]);
    const live = rainRankingView(input({ state: s })).rows;
    expect(live.map((r) => r.colour)).toEqual([gradeColour.orange, gradeColour.blue]);
    const silent = rainRankingView(input({ state: s, feed: 'silent' })).rows;
    expect(silent.every((r) => r.greyed && r.colour === palette.noData)).toBe(true);
    expect(silent.map((r) => r.mmText)).toEqual(['35.0', '10.0']);
  });

  it('marks the selected row and reports the age of the newest observation', () => {
    const s = rainState([
      { stationId: 'SM01', mm: 35, at: T0 },
      { stationId: 'HL01', mm: 10, at: T0 + 5 * 60_000 },
    ]);
    const v = rainRankingView(input({ state: s, selectedId: 'HL01', now: T0 + 8 * 60_000 }));
    expect(v.rows.find((r) => r.selected)?.stationId).toBe('HL01');
    expect(v.ageText).toBe('数据 3 分钟前');
  });

  it('is empty without data', () => {
    expect(rainRankingView(input({}))).toEqual({ rows: [], ageText: null });
  });
});
