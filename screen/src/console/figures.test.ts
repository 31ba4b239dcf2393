import { describe, expect, it } from 'vitest';
import { callVolume, defenceFigures, emptyLiveState, xiamen, type DefenceFigure, type IncidentReport } from '@beacon/shared';
import { messages } from '../i18n/index.ts';
import { figuresEn, figuresZh } from '../i18n/figures-messages.ts';
import { busRows, callVolumeView, figureRows, reportRows, trafficRows } from './figures.ts';

const T0 = Date.parse('2026-09-14T00:00:00Z');
const zh = messages['zh-CN'];
const en = messages.en;

const figure = (over: Partial<DefenceFigure>): DefenceFigure => ({
  id: 'roads-closed', category: 'road-closure', department: 'transport', unit: 'roads', value: 0, of: null, target: null, progress: null,
  entities: 1, newestAt: T0, detail: {}, trend: [0, 0, 0, 0, 0, 0, 0], ...over,
});
const boats = figure({
  id: 'boats-in-harbour', category: 'fishing-boat', department: 'ocean', unit: 'boats', value: 7027, of: 9000, target: 9000, progress: 7027 / 9000,
  entities: 3, newestAt: T0 - 3 * 60_000, trend: [1200, 2400, 4000, 5100, 6000, 6800, 7027],
});

describe('figureRows', () => {
  it('says each figure with its unit, its progress to target, its department and its data age', () => {
    const [z] = figureRows([boats], 6, 'zh-CN', zh, T0);
    expect(z).toMatchObject({ label: '渔船回港', value: '7,027 艘', amount: 7027, progress: { percent: 78, text: '共 9,000，78%' }, source: '海洋发展局 · 3 分钟前' });
    const [e] = figureRows([boats], 6, 'en', en, T0);
    expect(e).toMatchObject({ value: '7,027 boats', progress: { text: 'of 9,000, 78%' }, source: 'Ocean · 3 min ago' });
  });

  it('says counts in English with singular and plural, and data older than a day by its date', () => {
    const one = figure({ value: 1, newestAt: T0 - 3 * 24 * 3_600_000 });
    const [e] = figureRows([one, { ...one, value: 2 }], 6, 'en', en, T0);
    expect(e).toMatchObject({ value: '1 road', source: 'Transport · Sep 11, 08:00' });
    expect(figureRows([{ ...one, value: 2 }], 6, 'en', en, T0)[0]!.value).toBe('2 roads');
    expect(figureRows([one], 6, 'zh-CN', zh, T0)[0]!.source).toBe('交通运输局 · 9月11日 08:00');
  });

  it('says "no data" (not zero, not all clear) where a department has sent nothing, and draws no trend', () => {
    const rows = figureRows(defenceFigures(emptyLiveState(), T0), 6, 'zh-CN', zh, T0);
    expect(rows.find((r) => r.id === 'evacuated')).toMatchObject({ records: 0, progress: null, trend: null, source: '民政局 · 暂无数据' });
  });

  it('gives the 6-hour trend: a sparkline ending at the figure, and the change up or down in words', () => {
    const [z] = figureRows([boats], 6, 'zh-CN', zh, T0);
    expect(z!.trend).toMatchObject({ change: 5827, direction: 'up', text: '6 小时 +5,827' });
    // Seven points across the box, the last (the highest) at its top right.
    const points = z!.trend!.points.split(' ');
    expect(points).toHaveLength(7);
    expect(points.at(-1)).toBe('94,2');
    const falling = figure({ value: 3, trend: [9, 8, 8, 6, 5, 4, 3] });
    expect(figureRows([falling], 6, 'en', en, T0)[0]!.trend).toMatchObject({ change: -6, direction: 'down', text: '−6 in 6 h' });
    expect(figureRows([figure({ value: 2, trend: [2, 2, 2, 2, 2, 2, 2] })], 6, 'zh-CN', zh, T0)[0]!.trend).toMatchObject({ direction: 'flat', text: '6 小时无变化' });
  });

  it('reads casualties as dead, injured and missing, never as one total', () => {
    const cas = figure({ id: 'casualties', category: 'casualty-report', department: 'health', unit: 'people', value: 10, detail: { deaths: 1, injured: 7, missing: 2 } });
    expect(figureRows([cas], 6, 'zh-CN', zh, T0)[0]).toMatchObject({ value: '死亡 1 · 受伤 7 · 失联 2', valueParts: ['死亡 1', '受伤 7', '失联 2'] });
    expect(figureRows([cas], 6, 'en', en, T0)[0]!.value).toBe('Dead 1 · Injured 7 · Missing 2');
  });
});

describe('callVolumeView', () => {
  it('labels the hour columns in hall time and the districts in the screen\'s language', () => {
    const v = callVolumeView(callVolume(emptyLiveState(), xiamen, T0 + 30 * 60_000, 2), xiamen, 'en', en);
    expect(v.columns).toEqual(['07:00', '08:00']);
    expect(v.rows[0]).toMatchObject({ district: '思明区', label: 'Siming', cells: [0, 0] });
    // Each district its own colour, the same at every level.
    expect(new Set(v.rows.map((r) => r.colour)).size).toBe(v.rows.length);
    expect(v.categories.map((c) => c.label)).toEqual(['119 calls', 'Informant reports', 'Casualty reports', '122 accidents']);
  });
});

describe('reportRows', () => {
  it('puts a report\'s own words first, and how it was tied to the incident', () => {
    const reports: IncidentReport[] = [
      { category: 'fire-call', id: 'C1', at: T0, match: 'place', distanceKm: 0.42, data: { address: '灌口镇三社村' } },
      { category: 'casualty-report', id: 'CAS-1', at: T0, match: 'id', distanceKm: null, data: { deaths: 0, injured: 3, missing: 1 } },
    ];
    expect(reportRows(reports, 'zh-CN', zh).map((r) => [r.line, r.time, r.kind])).toEqual([
      ['灌口镇三社村', '08:00:00 · 相距 0.4 公里', '119 警情'],
      ['死亡 0 · 受伤 3 · 失联 1', '08:00:00 · 已关联', '伤亡报告'],
    ]);
    expect(reportRows(reports, 'en', en)[0]!.time).toBe('08:00:00 · 0.4 km away');
  });
});

describe('trafficRows and busRows', () => {
  it('puts the most congested segment and the lines not running normally first', () => {
    const s = emptyLiveState();
    s.latest['traffic-flow'] = {
      A: { entityId: 'A', observedAt: T0, version: 1, seq: 1, data: { road: '成功大道', congestionIndex: 3, speedKmh: 41.6 } },
      B: { entityId: 'B', observedAt: T0, version: 1, seq: 2, data: { road: '厦门大桥', congestionIndex: 8.2 } },
    };
    s.latest['bus-service'] = {
      L1: { entityId: 'L1', observedAt: T0, version: 1, seq: 3, data: { line: '1路', status: 'normal' } },
      L2: { entityId: 'L2', observedAt: T0, version: 1, seq: 4, data: { line: 'BRT快1线', status: 'suspended', reason: '道路积水' } },
    };
    expect(trafficRows(s, 'en', en).map((r) => [r.name, r.line])).toEqual([['厦门大桥', 'congestion 8.2'], ['成功大道', 'congestion 3.0, 42 km/h']]);
    expect(busRows(s, zh).map((r) => [r.name, r.status, r.warn])).toEqual([['BRT快1线', '停运', true], ['1路', '正常', false]]);
  });
});

/** Every string a dictionary makes, for the punctuation checks (functions called with sample arguments). */
function texts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'function') return [String((v as (...a: unknown[]) => unknown)('12', 34))];
  if (v && typeof v === 'object') return Object.values(v).flatMap(texts);
  return [];
}

describe('the figures\' words', () => {
  it('Chinese uses full-width punctuation: no ASCII colon, comma or parenthesis', () => {
    for (const s of texts(figuresZh)) expect(s, s).not.toMatch(/[:,()]/);
  });
  it('English has no Chinese in it (no "7艘" in English)', () => {
    for (const s of texts(figuresEn)) expect(s, s).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });
});

describe('the console\'s counts in English', () => {
  it('says "1 incident" and "1 team", not "1 incidents"', () => {
    const c = messages.en.console;
    expect([c.openIncidents(1), c.openIncidents(2), c.teamsCount(1), c.teamsCount(0), c.members(1)]).toEqual(['1 incident', '2 incidents', '1 team', '0 teams', '1 person']);
  });
});
