import { describe, expect, it } from 'vitest';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { forcesView } from './forcesView.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');

describe('forcesView', () => {
  const state = stateOf([
    { category: 'rescue-team', id: 'A', observedAt: NOW, data: { status: 'on-site', members: 1200 } },
    { category: 'depot-stock', id: 'D_tent', observedAt: NOW, data: { item: 'tent', quantity: 2395, unit: '顶' } },
    { category: 'depot-stock', id: 'D_boat', observedAt: NOW, data: { item: 'assault-boat', quantity: 60, unit: '艘' } },
    { category: 'depot-stock', id: 'D_torch', observedAt: NOW, data: { item: 'flashlight', quantity: 9000, unit: '个' } },
    { category: 'shelter', id: 'S', observedAt: NOW, data: { status: 'open', occupancy: 9863, capacity: 13150 } },
  ]);

  it('shows all five team statuses with teams and people', () => {
    const v = forcesView(state, NOW, 'zh-CN', messages['zh-CN']);
    expect(v.teams.map((t) => t.label)).toEqual(['待命', '出动', '在场', '返回', '休整']);
    expect(v.teams[2]).toMatchObject({ teams: 1, members: '1,200' });
  });

  it('puts flood-fighting kit first and names items in the chosen language', () => {
    expect(forcesView(state, NOW, 'zh-CN', messages['zh-CN']).stock.map((s) => s.label)).toEqual(['冲锋舟', '帐篷', '手电']);
    expect(forcesView(state, NOW, 'en', messages.en, 2).stock.map((s) => s.label)).toEqual(['Assault boats', 'Tents']);
  });

  it('keeps the depots\' Chinese counting units in Chinese only ("7艘" was shown in English)', () => {
    expect(forcesView(state, NOW, 'zh-CN', messages['zh-CN']).stock[0]).toMatchObject({ quantity: '60', unit: '艘' });
    expect(forcesView(state, NOW, 'en', messages.en).stock.map((s) => s.unit)).toEqual(['', '', '']);
  });

  it('sums shelter occupancy', () => {
    expect(forcesView(state, NOW, 'zh-CN', messages['zh-CN']).shelters).toBe('避灾点 1 个开放 · 安置 9,863 / 13,150 人');
  });
});
