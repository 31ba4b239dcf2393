import { describe, expect, it } from 'vitest';
import { emptyLiveState, xiamen } from '@beacon/shared';
import { messages } from '../i18n/index.ts';
import { wallFocusLine } from './wallFocus.ts';

describe('wallFocusLine', () => {
  it('with no focus chosen, says the wall shows the whole city by default, and the city is on the wall now', () => {
    for (const t of [messages['zh-CN'], messages.en]) {
      const line = wallFocusLine(emptyLiveState(), { kind: 'city' }, xiamen, t === messages.en ? 'en' : 'zh-CN', t);
      expect(line.here).toBe(true);
      // It once read "全市（尚未投屏）" beside a green "大屏正在显示": both cannot be true.
      expect(line.text).not.toMatch(/尚未|not on|nobody/i);
    }
    expect(wallFocusLine(emptyLiveState(), { kind: 'city' }, xiamen, 'zh-CN', messages['zh-CN']).text).toBe('全市（默认画面）');
    expect(wallFocusLine(emptyLiveState(), { kind: 'district', district: '集美区' }, xiamen, 'zh-CN', messages['zh-CN']).here).toBe(false);
  });

  it('names the chosen view, who chose it and when; "here" only on that view', () => {
    const s = emptyLiveState();
    s.command.wallFocus = { view: { kind: 'district', district: '集美区' }, by: { id: 'u', name: '王指挥', role: 'commander' }, at: Date.parse('2026-09-14T00:05:00Z'), commandId: 'c' };
    expect(wallFocusLine(s, { kind: 'district', district: '集美区' }, xiamen, 'zh-CN', messages['zh-CN'])).toEqual({ text: '集美区 · 王指挥 08:05:00 投屏', here: true });
    expect(wallFocusLine(s, { kind: 'city' }, xiamen, 'zh-CN', messages['zh-CN']).here).toBe(false);
  });
});
