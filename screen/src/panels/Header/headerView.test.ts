import { describe, expect, it } from 'vitest';
import { riverton, xiamen } from '@beacon/shared';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { gradeColour } from '../../charts/theme.ts';
import { responseLevelView, typhoonBadge } from './headerView.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');

describe('responseLevelView', () => {
  it('says no response is in force when there is none', () => {
    expect(responseLevelView(null, messages['zh-CN'])).toMatchObject({ text: '未启动应急响应', active: false });
  });
  it('names the level in roman numerals, I red down to IV blue', () => {
    expect(responseLevelView('I', messages['zh-CN'])).toEqual({ text: 'Ⅰ级应急响应', colour: gradeColour.red, active: true });
    expect(responseLevelView('IV', messages.en)).toEqual({ text: 'Level Ⅳ response', colour: gradeColour.blue, active: true });
  });
});

describe('typhoonBadge', () => {
  const track = (observedAt: number) =>
    stateOf([{ category: 'typhoon-track', id: '2614', observedAt, data: { name: '杜鹃', lon: 118.6, lat: 24.06, maxWindMs: 46.5, pressureHpa: 947 } }]);

  it('names the storm with its grade, wind, pressure and where it is from the city', () => {
    const b = typhoonBadge(track(NOW - 60_000), xiamen, NOW, messages['zh-CN'])!;
    expect(b.title).toBe('2614 号台风“杜鹃”');
    expect(b.grade).toBe('强台风');
    expect(b.facts).toEqual(['46.5 米/秒', '947 百帕']);
    expect(b.distance).toMatch(/^距厦门 \d+ 公里 · 东南$/);
    expect(b.tone).toBe('live');
  });

  it('says the distance from the city the server runs on, not from Xiamen', () => {
    expect(typhoonBadge(track(NOW - 60_000), riverton, NOW, messages['zh-CN'])!.distance).toMatch(/^距河屯 \d+ 公里 · /);
    expect(typhoonBadge(track(NOW - 60_000), riverton, NOW, messages.en)!.distance).toMatch(/^\d+ km \S+ of Riverton$/);
    expect(messages['zh-CN'].wall.headerTitle(riverton.name)).toBe('河屯市应急指挥中心 · 一张图');
    expect(messages.en.appTitle(riverton.name)).toBe('Riverton Emergency Command Centre · One-Map');
  });

  it('is null with no typhoon, or one not heard of for 6 hours', () => {
    expect(typhoonBadge(stateOf([]), xiamen, NOW, messages['zh-CN'])).toBeNull();
    expect(typhoonBadge(track(NOW - 7 * 3600_000), xiamen, NOW, messages['zh-CN'])).toBeNull();
  });

  it('says the track is late when it is', () => {
    // Hourly track: 3 hours without a position is late.
    expect(typhoonBadge(track(NOW - 3 * 3600_000), xiamen, NOW, messages['zh-CN'])!.tone).toBe('late');
  });
});
