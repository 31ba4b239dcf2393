import { describe, expect, it } from 'vitest';
import { xiamen } from '@beacon/shared';
import { messages } from '../i18n/index.ts';
import { areaLevel, cityLevel, incidentDetail } from './levels.ts';
import { consoleState, duty, T0 } from './fixtures.test-state.ts';

const t = messages['zh-CN'];

describe('the console\'s levels', () => {
  it('city: every district with its open incidents, teams and trapped; closed incidents left out', () => {
    const v = cityLevel(consoleState(), null, xiamen, 'zh-CN', t, T0);
    const jimei = v.districts.find((d) => d.label === '集美区')!;
    expect(jimei).toMatchObject({ incidents: 2, teams: 2, trapped: 3 });
    expect(jimei.risk.text).toBe('风险评估中');
    expect(v.districts.find((d) => d.label === '思明区')).toMatchObject({ incidents: 0, teams: 1 });
    expect(v.incidents.map((r) => r.id)).toEqual(['INC-1', 'INC-2']);
    expect(v.incidents[0]).toMatchObject({ severityLabel: 'Ⅱ级', place: '集美区 · 灌口', trapped: 3, acknowledged: false, post: null });
  });

  it('names an incident\'s place in English in English, the subdistrict included', () => {
    const v = cityLevel(consoleState(), null, xiamen, 'en', messages.en, T0);
    expect(v.incidents[0]!.place).toBe('Jimei · Guankou');
    const detail = incidentDetail(consoleState(), 'INC-1', xiamen, 'en', messages.en);
    expect(detail.facts.find((f) => f.label === messages.en.console.field.place)?.value).toBe('Jimei · Guankou');
  });

  it('district: its subdistricts, and only its incidents, teams and shelters', () => {
    const v = areaLevel(consoleState(), { kind: 'district', district: '集美区' }, null, xiamen, 'zh-CN', t, T0);
    expect(v.subdistricts.map((r) => r.label)).toEqual(['集美', '杏林', '侨英', '灌口', '后溪']);
    expect(v.subdistricts.find((r) => r.label === '灌口')).toMatchObject({ incidents: 1, teams: 1 });
    expect(v.incidents.map((r) => r.id)).toEqual(['INC-1', 'INC-2']);
    expect(v.teams.map((r) => r.id).sort()).toEqual(['T-BUSY', 'T-NEAR']);
    expect(v.teams.find((r) => r.id === 'T-BUSY')).toMatchObject({ status: '在场', committed: '已派往 杏林积水' });
    expect(v.shelters).toEqual([{ id: 'S-1', name: '灌口中学避灾点', status: '开放', line: '安置 120 / 300 人', full: false }]);
  });

  it('subdistrict: narrows to what lies nearest its seat', () => {
    const v = areaLevel(consoleState(), { kind: 'subdistrict', district: '集美区', subdistrict: '灌口' }, null, xiamen, 'zh-CN', t, T0);
    expect(v.subdistricts).toEqual([]);
    expect(v.incidents.map((r) => r.id)).toEqual(['INC-1']);
    expect(v.teams.map((r) => r.id)).toEqual(['T-NEAR']);
  });

  it('incident: "reported" (接报) is the first report, not the newest status record', () => {
    const s = consoleState();
    // INC-2 was first reported at 13:58:20; its newest record (status open) is from 14:00:01.
    s.latest['incident']!['INC-2'] = { ...s.latest['incident']!['INC-2']!, firstObservedAt: T0 - 100_000 };
    expect(incidentDetail(s, 'INC-2', xiamen, 'zh-CN', t).facts).toContainEqual({ label: '接报', value: '13:58:20' });
    // A record from before first observations were kept: its own time.
    expect(incidentDetail(consoleState(), 'INC-2', xiamen, 'zh-CN', t).facts).toContainEqual({ label: '接报', value: '14:00:01' });
  });

  it('incident: facts, who acknowledged it, and the teams on it', () => {
    const s = consoleState();
    s.command = {
      ...s.command,
      acknowledged: { 'INC-2': { at: T0 + 5000, by: duty, commandId: 'a' } },
      dispatches: { 'T-FAR': { at: T0 + 9000, by: duty, commandId: 'b', incidentId: 'INC-2' } },
    };
    const d = incidentDetail(s, 'INC-2', xiamen, 'zh-CN', t);
    expect(d.acknowledged).toBe('李值班 于 14:00:05 确认接报');
    expect(d.facts).toContainEqual({ label: '类型', value: '内涝' });
    expect(d.facts).toContainEqual({ label: '位置', value: '集美区 · 杏林' });
    expect(d.assigned.map((a) => [a.teamId, a.byCommand])).toEqual([['T-BUSY', false], ['T-FAR', true]]);
    expect(d.assigned[1]!.since).toBe('14:00:09 起 · 指令派出');
    expect(incidentDetail(s, 'INC-1', xiamen, 'zh-CN', t).acknowledged).toBeNull();
  });
});

describe('the console\'s figures by level', () => {
  it('a district shows its own defence figures, calls and traffic, not another district\'s', () => {
    const s = consoleState();
    const rec = (id: string, data: Record<string, unknown>) => ({ entityId: id, observedAt: T0 - 60_000, version: 1, seq: 99, data });
    s.latest['road-closure'] = { 'RC-JM': rec('RC-JM', { status: 'closed', district: '集美区', lon: 118.03, lat: 24.6 }), 'RC-SM': rec('RC-SM', { status: 'closed', district: '思明区', lon: 118.09, lat: 24.45 }) };
    s.latest['fire-call'] = { 'C-JM': rec('C-JM', { district: '集美区', lon: 118.03, lat: 24.6 }) };
    s.latest['bus-service'] = { L1: rec('L1', { line: '1路', status: 'suspended', district: '思明区' }) };
    const jimei = areaLevel(s, { kind: 'district', district: '集美区' }, null, xiamen, 'zh-CN', t, T0);
    expect(jimei.figures.find((f) => f.id === 'roads-closed')).toMatchObject({ amount: 1, records: 1 });
    expect(jimei.calls.rows).toEqual([expect.objectContaining({ district: '集美区', total: 1 })]);
    expect(jimei.buses).toEqual([]);
    const siming = areaLevel(s, { kind: 'district', district: '思明区' }, null, xiamen, 'zh-CN', t, T0);
    expect(siming.buses.map((b) => b.id)).toEqual(['L1']);
    expect(siming.calls.categories.find((c) => c.category === 'fire-call')?.count).toBe(0);
    expect(cityLevel(s, null, xiamen, 'zh-CN', t, T0).calls.categories.find((c) => c.category === 'fire-call')?.count).toBe(1);
  });
});

describe('the console\'s figures\' trend', () => {
  it('is the selected area\'s, hour by hour: another district\'s outage does not move it', () => {
    const s = consoleState();
    const H = 3_600_000;
    const out = (id: string, district: string, households: number) => ({ entityId: id, observedAt: T0 - 30 * 60_000, version: 1, seq: 99, data: { status: 'out', households, district } });
    s.latest['power-outage'] = { 'P-JM': out('P-JM', '集美区', 500), 'P-SM': out('P-SM', '思明区', 70) };
    // 集美区's feeder: 100 households four hours ago, 500 since half an hour ago; 思明区's from two hours ago.
    s.trends['power-outage'] = {
      'P-JM': [{ t: T0 - 4 * H, value: 100, v: 1 }, { t: T0 - 30 * 60_000, value: 500, v: 1 }],
      'P-SM': [{ t: T0 - 2 * H, value: 70, v: 1 }],
    };
    const trend = (district: string) => areaLevel(s, { kind: 'district', district }, null, xiamen, 'zh-CN', t, T0)
      .figures.find((f) => f.id === 'households-without-power')!.trend;
    expect(trend('集美区')).toMatchObject({ change: 500, direction: 'up', text: '6 小时 +500' });
    expect(trend('思明区')).toMatchObject({ change: 70, direction: 'up' });
    expect(trend('海沧区')).toBeNull();
  });
});

describe('the console\'s figures at subdistrict level', () => {
  it('counts only the records whose point lies in the subdistrict', () => {
    const s = consoleState();
    const seat = (name: string) => xiamen.rainGauges.find((g) => g.district === '集美区' && g.name.zh === name)!;
    const closure = (id: string, at: { lon: number; lat: number }) => ({ entityId: id, observedAt: T0, version: 1, seq: 99, data: { status: 'closed', district: '集美区', lon: at.lon, lat: at.lat } });
    s.latest['road-closure'] = { A: closure('A', seat('灌口')), B: closure('B', seat('杏林')), C: closure('C', seat('杏林')) };
    const v = (sub: string) => areaLevel(s, { kind: 'subdistrict', district: '集美区', subdistrict: sub }, null, xiamen, 'zh-CN', t, T0);
    expect(v('灌口').figures.find((f) => f.id === 'roads-closed')?.amount).toBe(1);
    expect(v('杏林').figures.find((f) => f.id === 'roads-closed')?.amount).toBe(2);
  });
});
