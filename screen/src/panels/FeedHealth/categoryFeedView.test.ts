import { describe, expect, it } from 'vitest';
import { emptyLiveState, rainGaugeCategory, type LiveState } from '@beacon/shared';
import { messages } from '../../i18n/messages.ts';
import { palette } from '../../charts/theme.ts';
import { categoryFeedView } from './categoryFeedView.ts';

const rainFeedView = (state: LiveState, now: number, locale: 'zh-CN' | 'en', t: typeof messages.en) => categoryFeedView(state, rainGaugeCategory.id, now, locale, t);

const T0 = Date.parse('2026-09-14T00:00:00Z');

function withFeed(lastReceivedAt: number): LiveState {
  return { ...emptyLiveState(), feeds: { 'rain-gauge': { department: 'meteorology', category: 'rain-gauge', lastReceivedAt, records: 5, perMinute: {}, rejections: 0, lastRejection: null } } };
}

describe('categoryFeedView, for the rain gauges', () => {
  const zh = messages['zh-CN'];

  it('is live with no banner within two intervals', () => {
    const v = rainFeedView(withFeed(T0), T0 + 9 * 60_000, 'zh-CN', zh);
    expect(v.status).toBe('live');
    expect(v.label).toBe('实时');
    expect(v.banner).toBeNull();
    expect(v.colour).toBe(palette.live);
  });

  it('is late after two intervals and says for how long', () => {
    const v = rainFeedView(withFeed(T0), T0 + 12 * 60_000, 'zh-CN', zh);
    expect(v.status).toBe('late');
    expect(v.label).toBe('延迟');
    expect(v.banner).toEqual({ tone: 'late', text: '气象局雨量站数据已 12 分钟未更新' });
  });

  it('is silent after six intervals', () => {
    const v = rainFeedView(withFeed(T0), T0 + 45 * 60_000, 'en', messages.en);
    expect(v.status).toBe('silent');
    expect(v.label).toBe('Silent');
    expect(v.banner?.tone).toBe('silent');
    expect(v.banner?.text).toBe('Meteorology: rain gauges data not updated for 45 min');
  });

  it('reports never when no record arrived', () => {
    const v = rainFeedView(emptyLiveState(), T0, 'zh-CN', zh);
    expect(v.status).toBe('never');
    expect(v.ageMs).toBeNull();
    expect(v.banner?.tone).toBe('never');
  });

  it('never shows a negative age when the server clock runs ahead of the record', () => {
    const v = rainFeedView(withFeed(T0 + 2_000), T0, 'zh-CN', zh);
    expect(v.ageMs).toBe(0);
  });

  it('judges a warning feed as the department tiles do: quiet with no warning in force is live', () => {
    const quiet = { ...emptyLiveState(), feeds: { 'weather-warning': { department: 'meteorology' as const, category: 'weather-warning', lastReceivedAt: T0, records: 1, perMinute: {}, rejections: 0, lastRejection: null } } };
    expect(categoryFeedView(quiet, 'weather-warning', T0 + 24 * 3600_000, 'en', messages.en)).toMatchObject({ status: 'live', banner: null });
  });
});
