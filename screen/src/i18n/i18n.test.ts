import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatHourMinute, localName, parseLocale, resolveLocale } from './index.ts';
import { messages } from './messages.ts';

describe('i18n', () => {
  it('shows the hall clock in Asia/Shanghai time whatever the instant', () => {
    // 2026-09-14T00:05:09Z is 08:05:09 in Xiamen.
    const t = Date.parse('2026-09-14T00:05:09Z');
    expect(formatClock(t, 'zh-CN').time).toBe('08:05:09');
    expect(formatClock(t, 'zh-CN').date).toContain('9月14日');
    expect(formatClock(t, 'en').date).toContain('14');
    expect(formatHourMinute(Date.parse('2026-09-13T16:30:00Z'))).toBe('00:30');
  });

  it('parses short locale forms and rejects unknown ones', () => {
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('EN-gb')).toBe('en');
    expect(parseLocale('zh')).toBe('zh-CN');
    expect(parseLocale('fr')).toBeNull();
    expect(parseLocale(null)).toBeNull();
  });

  it('picks the localized half of a region name', () => {
    expect(localName({ zh: '思明区', en: 'Siming' }, 'en')).toBe('Siming');
    expect(localName({ zh: '思明区', en: 'Siming' }, 'zh-CN')).toBe('思明区');
    expect(localName(undefined, 'en', '?')).toBe('?');
  });

  it('formats ages compactly in both languages', () => {
    expect(messages['zh-CN'].age(12_000)).toBe('12 秒');
    expect(messages['zh-CN'].age(12 * 60_000 + 5_000)).toBe('12 分钟');
    expect(messages['zh-CN'].age(65 * 60_000)).toBe('1 小时 5 分');
    expect(messages.en.age(3 * 60_000)).toBe('3 min');
    expect(messages['zh-CN'].age(-500)).toBe('0 秒');
  });

  it('words the stale-feed banner as the hall expects', () => {
    expect(messages['zh-CN'].feedStaleBanner('气象局', '雨量站', '12 分钟')).toBe('气象局雨量站数据已 12 分钟未更新');
  });

  it('has the same keys in every language', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
  });
});

describe('resolveLocale', () => {
  it('defaults to Chinese', () => {
    expect(resolveLocale('', null)).toEqual({ locale: 'zh-CN', remember: false });
  });
  it('takes ?lang=en and asks to remember it', () => {
    expect(resolveLocale('?lang=en', 'zh-CN')).toEqual({ locale: 'en', remember: true });
  });
  it('falls back to the stored preference without a query', () => {
    expect(resolveLocale('?x=1', 'en')).toEqual({ locale: 'en', remember: false });
    expect(resolveLocale('?lang=fr', 'en')).toEqual({ locale: 'en', remember: false });
  });
});

describe('formatCount', () => {
  it('groups a count as the locale writes it, the same as toLocaleString', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const v of [0, 7, 4900, 1234567, 12.5]) expect(formatCount(v, locale)).toBe(v.toLocaleString(locale));
    }
    expect(formatCount(4900, 'en')).toBe('4,900');
  });
});
