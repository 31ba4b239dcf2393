import { describe, expect, it } from 'vitest';
import { emptyLiveState, type KeyMoment } from '@beacon/shared';
import { gradeColour, palette } from '../charts/theme.ts';
import { momentColour, momentLevel, momentRows, momentTime } from './moments.ts';

const T = Date.parse('2026-09-14T00:05:09Z'); // 08:05:09 in Xiamen

const m = (over: Partial<KeyMoment>): KeyMoment => ({
  at: T, seq: 1, kind: 'warning-issued', category: 'weather-warning', entityId: 'W1', department: 'meteorology',
  title: { zh: '发布橙色预警：台风', en: 'orange warning issued: typhoon' }, ...over,
});

describe('moment level and colour', () => {
  it('reads the level the title names', () => {
    expect(momentLevel(m({}))).toBe('orange');
    expect(momentLevel(m({ kind: 'warning-changed', title: { zh: '预警调整为红色：台风', en: 'Warning now red: typhoon' } }))).toBe('red');
    expect(momentColour(m({}))).toBe(gradeColour.orange);
  });

  it('prefers a level field when the server sends one', () => {
    expect(momentLevel({ ...m({}), level: 'yellow' } as KeyMoment)).toBe('yellow');
  });

  it('falls back to the warning record for a lift, and to muted when nothing says', () => {
    const lifted = m({ kind: 'warning-lifted', title: { zh: '解除预警：台风', en: 'Warning lifted: typhoon' } });
    const state = { ...emptyLiveState(), latest: { 'weather-warning': { W1: { entityId: 'W1', observedAt: T, version: 2, seq: 3, data: { level: 'blue', status: 'lifted' } } } } };
    expect(momentColour(lifted, state)).toBe(gradeColour.blue);
    expect(momentColour(lifted)).toBe(palette.textMuted);
  });

  it('colours incidents red', () => {
    const inc = m({ kind: 'incident-opened', category: 'incident', title: { zh: '突发事件：滑坡', en: 'Incident opened: red landslide' } });
    expect(momentLevel(inc)).toBeNull();
    expect(momentColour(inc)).toBe(palette.warnSilent);
  });
});

describe('momentRows', () => {
  it('lists in time order, in the chosen language, marking past and current against the replay time', () => {
    const rows = momentRows([m({ at: T + 60_000, seq: 2 }), m({ at: T, seq: 1 }), m({ at: T + 120_000, seq: 3 })], T + 90_000, 'en');
    expect(rows.map((r) => r.time)).toEqual(['08:05:09', '08:06:09', '08:07:09']);
    expect(rows.map((r) => r.past)).toEqual([true, true, false]);
    expect(rows.map((r) => r.current)).toEqual([false, true, false]);
    expect(rows[0]!.title).toBe('orange warning issued: typhoon');
    expect(rows[0]!.department).toBe('Meteorology');
    expect(momentRows([m({})], T, 'zh-CN')[0]!.department).toBe('气象局');
  });

  it('has no current moment before the first one, and shows the date when days differ', () => {
    const rows = momentRows([m({ at: T }), m({ at: T + 24 * 3_600_000, seq: 2 })], T - 1, 'zh-CN');
    expect(rows.some((r) => r.current)).toBe(false);
    expect(rows[0]!.time).toBe('09-14 08:05:09');
  });

  it('formats Shanghai time', () => {
    expect(momentTime(Date.parse('2026-09-13T16:30:00Z'), false)).toBe('00:30:00');
  });
});
