import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { replayMessages } from './messages.ts';
import { REPLAY_SPEEDS, isReplaySpeed, playDuration, speedLabel } from './speeds.ts';
import { contrastRatio, palette } from '../charts/theme.ts';
import { replayPalette } from './theme.ts';

describe('speeds', () => {
  it('labels the four speeds the server accepts', () => {
    expect(REPLAY_SPEEDS.map(speedLabel)).toEqual(['1×', '10×', '60×', '600×']);
    expect(isReplaySpeed(60)).toBe(true);
    expect(isReplaySpeed(30)).toBe(false);
    expect(isReplaySpeed('60')).toBe(false);
  });

  it('says how long a window takes to play', () => {
    expect(playDuration(6 * 3_600_000, 60)).toBe(6 * 60_000);
    expect(messages['zh-CN'].age(playDuration(6 * 3_600_000, 600))).toBe('36 秒');
    expect(replayMessages['zh-CN'].speedMeaning(600)).toBe('1 秒 = 10 分钟');
    expect(replayMessages.en.speedMeaning(60)).toBe('1 s = 1 min');
  });
});

describe('replay marking', () => {
  it('says 回放 / REPLAY in both languages', () => {
    expect([replayMessages['zh-CN'].badge, replayMessages['zh-CN'].badgeSecondary]).toEqual(['回放', 'REPLAY']);
    expect([replayMessages.en.badge, replayMessages.en.badgeSecondary]).toEqual(['REPLAY', '回放']);
  });

  it('keeps the replay colour readable as text and the badge text readable on it', () => {
    expect(contrastRatio(replayPalette.replay, palette.panel)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(replayPalette.replay, palette.stage)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(replayPalette.replay, replayPalette.replayBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palette.text, replayPalette.replayBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palette.stage, replayPalette.replay)).toBeGreaterThanOrEqual(4.5);
  });
});
