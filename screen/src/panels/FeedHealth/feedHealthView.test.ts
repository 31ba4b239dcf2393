import { describe, expect, it } from 'vitest';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { palette } from '../../charts/theme.ts';
import { feedHealthView } from './feedHealthView.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;

describe('feedHealthView', () => {
  const state = stateOf([
    { category: 'rain-gauge', id: 'SM01', observedAt: NOW - 20 * 1000, data: {} },
    { category: 'rescue-team', id: 'T', observedAt: NOW - 45 * MIN, data: {} }, // 5-min feed: silent
    { category: 'waterlogging-point', id: 'W', observedAt: NOW - 15 * MIN, data: {} }, // 5-min feed: late
  ]);
  const v = feedHealthView(state, NOW, 'zh-CN', messages['zh-CN']);
  const tile = (d: string) => v.tiles.find((t) => t.department === d)!;

  it('names every tile in a few characters in English too (seven fit a tile on the 16:9 wall), the full name as its title', () => {
    const en = feedHealthView(state, NOW, 'en', messages.en);
    for (const t of en.tiles) expect(t.name.length, t.fullName).toBeLessThanOrEqual(7);
    expect(en.tiles.find((t) => t.department === 'construction')).toMatchObject({ name: 'Constr.', fullName: expect.stringMatching(/Construction/) });
    expect(en.tiles.find((t) => t.department === 'meteorology')!.name).toBe('Meteo');
    for (const t of v.tiles) expect(t.name.length, t.fullName).toBeLessThanOrEqual(4);
  });

  it('has 17 tiles in a fixed order', () => {
    expect(v.tiles).toHaveLength(17);
    expect(v.tiles[0]!.department).toBe('emergency');
  });

  it('shows a live feed with its age', () => {
    expect(tile('meteorology')).toMatchObject({ status: 'live', statusLabel: '实时', detail: '20 秒', colour: palette.live, greyed: false });
  });

  it('greys a silent department and says since when', () => {
    expect(tile('emergency')).toMatchObject({ status: 'silent', detail: '07:15 起中断', greyed: true, colour: palette.warnSilent });
  });

  it('marks a late department amber, not grey', () => {
    expect(tile('municipal')).toMatchObject({ status: 'late', detail: '07:45 起延迟', greyed: false });
  });

  it('counts tiles by status', () => {
    expect(v.counts).toEqual({ live: 1, late: 1, silent: 1, never: 14 });
  });
});
