import { describe, expect, it } from 'vitest';
import { emptyLiveState, type KeyMoment, type LiveState } from '@beacon/shared';
import {
  firstSecondWithData,
  startWithData,
  MAX_WINDOW_MS, checkWindow, defaultWindow, exportLinks, fromShanghaiInput, incidentWindows, presetOf, presetWindow, toShanghaiInput, windowFromSearch,
} from './windows.ts';

const T = Date.parse('2026-09-14T06:30:27Z'); // 14:30:27 in Xiamen
const MIN = 60_000;
const H = 60 * MIN;

describe('window presets', () => {
  it('defaults to the last 6 hours, ending on the next whole minute so that now is included', () => {
    const w = defaultWindow(T);
    expect(w.to).toBe(Date.parse('2026-09-14T06:31:00Z'));
    expect(w.to).toBeGreaterThanOrEqual(T);
    expect(w.to - w.from).toBe(6 * H);
  });

  it('offers 1 h, 6 h, 24 h and 3 days, and recognises them', () => {
    expect(presetWindow('1h', T).to - presetWindow('1h', T).from).toBe(H);
    expect(presetWindow('3d', T).to - presetWindow('3d', T).from).toBe(72 * H);
    expect(presetOf(presetWindow('24h', T), T + 20_000)).toBe('24h');
    expect(presetOf({ from: T - H, to: T - 1000 }, T)).toBeNull();
  });
});

describe('checkWindow', () => {
  it('accepts a sound window and says what is wrong with others', () => {
    expect(checkWindow({ from: T - H, to: T })).toBeNull();
    expect(checkWindow({ from: T, to: T })).toBe('order');
    expect(checkWindow({ from: T, to: T - 1 })).toBe('order');
    expect(checkWindow({ from: T - MAX_WINDOW_MS - 1, to: T })).toBe('tooLong');
    expect(checkWindow({ from: null, to: T })).toBe('invalid');
    expect(checkWindow({ from: NaN, to: T })).toBe('invalid');
  });
});

describe('Shanghai datetime-local values', () => {
  it('writes and reads Xiamen wall time whatever the browser zone', () => {
    expect(toShanghaiInput(T)).toBe('2026-09-14 14:30');
    expect(fromShanghaiInput('2026-09-14 14:30')).toBe(Date.parse('2026-09-14T06:30:00Z'));
    expect(fromShanghaiInput(toShanghaiInput(T))).toBe(T - 27_000);
    expect(fromShanghaiInput(' 2026-09-15T00:05 ')).toBe(Date.parse('2026-09-14T16:05:00Z'));
    expect(fromShanghaiInput('2026-9-4 8:05')).toBe(Date.parse('2026-09-04T00:05:00Z'));
    expect(fromShanghaiInput('2026-09-14 14:30:15')).toBe(Date.parse('2026-09-14T06:30:15Z'));
  });

  it('rejects incomplete or impossible values', () => {
    expect(fromShanghaiInput('')).toBeNull();
    expect(fromShanghaiInput('2026-09-14')).toBeNull();
    expect(fromShanghaiInput('2026-02-30 10:00')).toBeNull();
    expect(fromShanghaiInput('2026-09-14 25:00')).toBeNull();
    expect(fromShanghaiInput('2026-13-01 10:00')).toBeNull();
    expect(fromShanghaiInput('2026-09-14 10:60')).toBeNull();
  });
});

describe('windowFromSearch', () => {
  it('takes a shared window from the address and ignores a bad one', () => {
    expect(windowFromSearch('?lang=en&from=2026-09-14T08:00:00%2B08:00&to=2026-09-14T10:00:00%2B08:00')).toEqual({
      from: Date.parse('2026-09-14T00:00:00Z'),
      to: Date.parse('2026-09-14T02:00:00Z'),
    });
    expect(windowFromSearch('?from=2026-09-14T10:00:00Z&to=2026-09-14T08:00:00Z')).toBeNull();
    expect(windowFromSearch('?lang=en')).toBeNull();
  });
});

describe('exportLinks', () => {
  it('links the printable and CSV timeline of the window on the same origin', () => {
    const w = { from: Date.parse('2026-09-14T00:00:00Z'), to: Date.parse('2026-09-14T06:00:00Z') };
    const links = exportLinks(w);
    expect(links.html).toBe('/api/v1/replay/timeline?from=2026-09-14T00%3A00%3A00.000Z&to=2026-09-14T06%3A00%3A00.000Z&format=html');
    expect(links.csv.endsWith('&format=csv')).toBe(true);
    const q = new URL(links.csv, 'http://x').searchParams;
    expect(Date.parse(q.get('from')!)).toBe(w.from);
    expect(Date.parse(q.get('to')!)).toBe(w.to);
  });
});

function moment(at: number, kind: KeyMoment['kind'], entityId: string, title: string): KeyMoment {
  return { at, seq: at / 1000, kind, category: 'incident', entityId, title: { zh: `突发事件：${title}`, en: `Incident opened: ${title}` }, department: 'emergency' };
}

function withIncident(id: string, observedAt: number, data: Record<string, unknown>): LiveState {
  const s = emptyLiveState();
  return { ...s, latest: { incident: { [id]: { entityId: id, observedAt, version: 1, seq: 9, data } } } };
}

describe('incidentWindows', () => {
  it('spans first to last record ± 30 min, from moments and the state', () => {
    const state = withIncident('INC-1', T + 2 * H, { title: '集美区灌口镇山体滑坡', status: 'handling' });
    const list = incidentWindows(state, [moment(T, 'incident-opened', 'INC-1', '灌口滑坡')]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'INC-1', title: '集美区灌口镇山体滑坡', status: 'handling', first: T, last: T + 2 * H });
    expect(list[0]!.window).toEqual({ from: T - 30 * MIN, to: T + 2 * H + 30 * MIN });
  });

  it('knows incidents only seen as moments, closes them, and lists the newest first', () => {
    const list = incidentWindows(emptyLiveState(), [
      moment(T, 'incident-opened', 'A', '老事件'),
      moment(T + H, 'incident-opened', 'B', '新事件'),
      moment(T + 3 * H, 'incident-closed', 'A', '老事件'),
    ]);
    expect(list.map((i) => i.id)).toEqual(['B', 'A']);
    expect(list[1]).toMatchObject({ title: '老事件', status: 'closed', first: T, last: T + 3 * H });
    expect(list[0]!.window.to - list[0]!.window.from).toBe(60 * MIN);
  });

  it('is empty when there are no incidents', () => {
    expect(incidentWindows(emptyLiveState(), [])).toEqual([]);
  });
});

describe('a default window that starts with the data', () => {
  const NOW = Date.parse('2026-09-14T12:00:00Z');
  /** A log whose first event was received at `first`: the sequence at t, and how often it was asked. */
  const log = (first: number | null) => {
    const asked: number[] = [];
    return { asked, seqAt: async (t: number) => (asked.push(t), first !== null && t >= first ? 7 : 0) };
  };

  it('finds the first second at which the log holds anything, by receive time', async () => {
    // A new user's wall was empty for hours of replay: the data had begun 50 minutes ago.
    const w = defaultWindow(NOW);
    const l = log(NOW - 50 * 60_000 + 20_500);
    const first = await firstSecondWithData(w, l.seqAt);
    expect(first).toBe(NOW - 50 * 60_000 + 21_000);
    expect(l.asked.length).toBeLessThanOrEqual(18);
    expect(startWithData(w, first)).toEqual({ from: first, to: w.to });
  });

  it('gives data that began in the window\'s last seconds a minute from there', async () => {
    const w = defaultWindow(NOW);
    const first = await firstSecondWithData(w, log(w.to - 3_000).seqAt);
    expect(startWithData(w, first)).toEqual({ from: w.to - 3_000, to: w.to - 3_000 + 60_000 });
  });

  it('asks once when the log already holds data at the window\'s start, and leaves that window alone', async () => {
    const w = defaultWindow(NOW);
    const l = log(w.from - 1);
    const first = await firstSecondWithData(w, l.seqAt);
    expect(l.asked).toEqual([w.from]);
    expect(startWithData(w, first)).toBe(w);
  });

  it('leaves the window alone for an empty log', async () => {
    const w = defaultWindow(NOW);
    expect(await firstSecondWithData(w, log(null).seqAt)).toBeNull();
    expect(startWithData(w, null)).toBe(w);
  });
});
