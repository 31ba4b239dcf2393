import { describe, expect, it } from 'vitest';
import type { KeyMoment } from '@beacon/shared';
import { scrubberView } from './scrubberView.ts';

const FROM = Date.parse('2026-09-14T00:00:00Z'); // 08:00 Xiamen
const H = 3_600_000;
const window = { from: FROM, to: FROM + 6 * H };
const moment = (at: number, seq: number): KeyMoment => ({
  at, seq, kind: 'warning-issued', category: 'weather-warning', entityId: `W${seq}`, department: 'meteorology',
  title: { zh: `发布黄色预警：${seq}`, en: `yellow warning issued: ${seq}` },
});

describe('scrubberView', () => {
  const base = { window, at: FROM + 3 * H, seekingTo: null, preview: null, moments: [] as KeyMoment[], width: 2400, locale: 'zh-CN' as const };

  it('puts the thumb at the replay time', () => {
    const v = scrubberView(base);
    expect(v.thumbX).toBe(1200);
    expect(v.thumbText).toBe('11:00:00');
    expect(v.fromText).toContain('08:00');
    expect(v.toText).toBe('14:00');
  });

  it('shows a drag preview over a seek in flight over the clock', () => {
    expect(scrubberView({ ...base, seekingTo: FROM + H }).thumbAt).toBe(FROM + H);
    expect(scrubberView({ ...base, seekingTo: FROM + H, preview: FROM + 2 * H }).thumbX).toBe(800);
  });

  it('groups close moments into one marker that lists them all', () => {
    const v = scrubberView({ ...base, moments: [moment(FROM + H, 1), moment(FROM + H + 30_000, 2), moment(FROM + 4 * H, 3)] });
    expect(v.markers.map((m) => m.count)).toEqual([2, 1]);
    expect(v.markers[0]!.label).toBe('09:00:00 发布黄色预警：1\n09:00:30 发布黄色预警：2');
    expect(new Set(v.markers.map((m) => m.key)).size).toBe(2);
  });

  it('has hour ticks across a 6-hour window', () => {
    expect(scrubberView(base).ticks.map((t) => t.label)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00']);
  });
});
