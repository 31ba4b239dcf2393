import { describe, expect, it } from 'vitest';
import type { KeyMoment } from '@beacon/shared';
import { gradeColour, palette } from '../charts/theme.ts';
import { fractionToTime, groupMoments, keyStep, progress, scrubberView, ticks, timeToX, xToTime } from './scrubber.ts';

const FROM = Date.parse('2026-09-14T00:00:00Z'); // 08:00 in Xiamen
const H = 3_600_000;
const w = { from: FROM, to: FROM + 6 * H };

function warning(at: number, level: string, seq = at): KeyMoment {
  return { at, seq, kind: 'warning-issued', category: 'weather-warning', entityId: `W${seq}`, title: { zh: '预警', en: `${level} warning issued: x` }, department: 'meteorology' };
}
function incident(at: number, seq = at): KeyMoment {
  return { at, seq, kind: 'incident-opened', category: 'incident', entityId: `I${seq}`, title: { zh: '突发事件：x', en: 'Incident opened: x' }, department: 'emergency' };
}

describe('time ↔ x', () => {
  it('maps the window onto the track and back', () => {
    expect(timeToX(w, FROM, 1200)).toBe(0);
    expect(timeToX(w, FROM + 3 * H, 1200)).toBe(600);
    expect(timeToX(w, w.to, 1200)).toBe(1200);
    expect(xToTime(w, 600, 1200)).toBe(FROM + 3 * H);
    expect(xToTime(w, timeToX(w, FROM + 4321_000, 1200), 1200)).toBe(FROM + 4321_000);
    expect(progress(w, FROM + 1.5 * H)).toBe(0.25);
  });

  it('clamps outside the track and survives a zero-width track', () => {
    expect(timeToX(w, FROM - H, 1200)).toBe(0);
    expect(timeToX(w, w.to + H, 1200)).toBe(1200);
    expect(xToTime(w, -50, 1200)).toBe(FROM);
    expect(xToTime(w, 5000, 1200)).toBe(w.to);
    expect(xToTime(w, 10, 0)).toBe(FROM);
    expect(timeToX(w, FROM + H, 0)).toBe(0);
    expect(fractionToTime(w, NaN)).toBe(FROM);
  });

  it('seeks to whole seconds inside the window', () => {
    const t = fractionToTime({ from: FROM + 400, to: FROM + 10_000_400 }, 0.33333);
    expect(t % 1000).toBe(0);
    expect(fractionToTime({ from: FROM + 400, to: FROM + 9_000 }, 1)).toBe(FROM + 9_000);
  });

  it('steps the keyboard by a hundredth of the window, never under a minute', () => {
    expect(keyStep(w)).toBe(216_000);
    expect(keyStep({ from: FROM, to: FROM + 10 * 60_000 })).toBe(60_000);
  });
});

describe('groupMoments', () => {
  it('places one marker per moment when they are far apart, coloured by level', () => {
    const groups = groupMoments([warning(FROM + 3 * H, 'orange'), warning(FROM + H, 'blue'), incident(FROM + 5 * H)], w, 1200, 40);
    expect(groups.map((g) => g.x)).toEqual([200, 600, 1000]);
    expect(groups.map((g) => g.colour)).toEqual([gradeColour.blue, gradeColour.orange, palette.warnSilent]);
    expect(groups.map((g) => g.shape)).toEqual(['warning', 'warning', 'incident']);
  });

  it('merges markers closer than the gap, seeks to the first and shows the most important', () => {
    const groups = groupMoments([warning(FROM + H, 'blue', 1), warning(FROM + H + 60_000, 'red', 2), warning(FROM + H + 120_000, 'yellow', 3)], w, 1200, 40);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.moments.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(groups[0]!.at).toBe(FROM + H);
    expect(groups[0]!.colour).toBe(gradeColour.red);
    expect(groups[0]!.x).toBeCloseTo((200 + 200 + (120_000 / (6 * H)) * 1200) / 2, 6);
  });

  it('makes a group with an incident an incident marker', () => {
    const groups = groupMoments([warning(FROM + H, 'red', 1), incident(FROM + H + 1000, 2)], w, 1200, 40);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.shape).toBe('incident');
    expect(groups[0]!.colour).toBe(palette.warnSilent);
  });

  it('does not chain: a group never grows wider than the gap', () => {
    const step = (30 / 1200) * 6 * H; // 30 px apart
    const groups = groupMoments([0, 1, 2, 3].map((i) => warning(FROM + H + i * step, 'blue', i)), w, 1200, 40);
    expect(groups.map((g) => g.moments.length)).toEqual([2, 2]);
  });

  it('leaves off moments outside the window', () => {
    expect(groupMoments([warning(FROM - 1, 'red'), warning(w.to + 1, 'red')], w, 1200, 40)).toEqual([]);
  });
});

describe('ticks', () => {
  it('puts labels on round Shanghai hours, far enough apart', () => {
    const list = ticks(w, 1200, 180);
    expect(list.map((t) => t.label)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00']);
    expect(list[1]!.x).toBe(200);
  });

  it('labels Shanghai midnight with the date and widens the step for long windows', () => {
    const long = { from: Date.parse('2026-09-13T12:00:00Z'), to: Date.parse('2026-09-16T12:00:00Z') };
    const list = ticks(long, 1200, 150);
    const day = list.find((t) => t.day)!;
    expect(day.label).toBe('09-14');
    expect(day.at).toBe(Date.parse('2026-09-13T16:00:00Z'));
    for (let i = 1; i < list.length; i++) expect(list[i]!.x - list[i - 1]!.x).toBeGreaterThanOrEqual(150);
  });

  it('uses fine steps for a short window', () => {
    const short = { from: FROM + 7 * 60_000, to: FROM + 67 * 60_000 };
    expect(ticks(short, 1200, 150).map((t) => t.label)).toEqual(['08:10', '08:20', '08:30', '08:40', '08:50', '09:00']);
  });
});

const moment = (at: number, seq: number): KeyMoment => ({
  at, seq, kind: 'warning-issued', category: 'weather-warning', entityId: `W${seq}`, department: 'meteorology',
  title: { zh: `发布黄色预警：${seq}`, en: `yellow warning issued: ${seq}` },
});

describe('scrubberView', () => {
  const base = { window: w, at: FROM + 3 * H, seekingTo: null, preview: null, moments: [] as KeyMoment[], width: 2400, locale: 'zh-CN' as const };

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
