import { describe, expect, it } from 'vitest';
import { NO_SLOWDOWN, surroundingsOf, type SurroundingsAnswer, type SurroundingsInput } from '@beacon/shared';
import { CENTRE, offset, T0 } from '@beacon/shared/surroundings/test-state.ts';
import { contrastRatio, fontPx, palette } from '../../charts/theme.ts';
import { messages } from '../../i18n/messages.ts';
import { teamStatusColour } from '../OneMap/mapStyle.ts';
import { surroundingsView, WATCH_ROWS, type SurroundingsViewInput } from './surroundingsView.ts';

const at = { observedAt: T0 };
function answer(over: Partial<SurroundingsInput> = {}): SurroundingsAnswer {
  return surroundingsOf({
    centre: { ...CENTRE, district: '思明区' },
    incident: { incidentId: 'INC-1', title: '集美区灌口镇山体滑坡', kind: 'landslide', severity: 'II', status: 'open' },
    teams: [
      { id: 'T1', name: '思明区综合应急救援大队', ...offset(2), ...at, category: 'rescue-team', status: 'dispatched', members: 30, incidentId: 'INC-1' },
      { id: 'F1', name: '思明特勤站', ...offset(0.4), ...at, category: 'fire-station', status: null, members: 60, incidentId: null },
    ],
    depots: [{ id: 'D1', name: '思明区物资储备库', ...offset(12.5), ...at, level: 'district' }],
    stock: new Map([['D1', [
      { item: 'tent', quantity: 40, unit: '顶' }, { item: 'assault-boat', quantity: 4, unit: '艘' }, { item: 'chainsaw', quantity: 9, unit: '把' },
      { item: 'sandbag', quantity: 12000, unit: '条' }, { item: 'pump', quantity: 0, unit: '台' }, { item: 'life-jacket', quantity: 300, unit: '件' },
    ]]]),
    hospitals: [{ id: 'H1', name: '中山医院', ...offset(3), ...at, freeBeds: 40, totalBeds: 1200, icuFree: 2, grade: 'tertiary' }],
    shelters: [
      { id: 'S1', name: '一中避灾点', ...offset(1.5), ...at, category: 'shelter', capacity: 2000, occupancy: 500, status: 'open' },
      { id: 'S2', name: '体育馆', ...offset(2.5), ...at, category: 'resettlement-site', capacity: 300, occupancy: 310, status: 'full' },
    ],
    hazards: [
      { id: 'PO-1', name: '10kV 厦大I路', ...offset(1.2), ...at, category: 'power-outage', status: 'out', households: 1800, overBy: null },
      { id: 'XIAMEN', name: '厦门站', ...offset(3.5), ...at, category: 'tide-level', status: null, households: null, overBy: 42 },
      { id: 'RIV-1', name: '东西溪 同安站', ...offset(4), ...at, category: 'river-level', status: null, households: null, overBy: 0.456 },
    ],
    sluices: [], pumps: [], dikes: [], dangerousBuildings: [], ponding: [],
    population: { grid: { gridId: 'XM-500M', observedAt: T0 }, cells: [{ ...offset(0.5), people: 1234 }, { ...offset(2), people: 20000 }, { ...offset(4), people: 50000 }] },
    slowdown: NO_SLOWDOWN, now: T0, seq: 9,
    ...over,
  });
}

const input = (over: Partial<SurroundingsViewInput> = {}): SurroundingsViewInput => ({ answer: answer(), error: null, now: T0 + 5_000, locale: 'zh-CN', t: messages['zh-CN'], ...over });

describe('surroundingsView', () => {
  it('titles the panel with the incident and lists the nearest forces with distance and ETA', () => {
    const v = surroundingsView(input());
    expect(v.title).toBe('周边资源 · 集美区灌口镇山体滑坡');
    expect(v.teams).toEqual([
      { id: 'fire-station/F1', category: 'fire-station', name: '思明特勤站', detail: '消防站', distance: '0.4 公里', eta: '1 分钟内', colour: palette.warnSilent, badge: null },
      { id: 'rescue-team/T1', category: 'rescue-team', name: '思明区综合应急救援大队', detail: '出动', distance: '2.0 公里', eta: '约 4 分钟', colour: teamStatusColour.dispatched, badge: '已派往' },
    ]);
    expect(v.age).toEqual({ text: '数据 5 秒前', tone: 'live' });
    expect(v.message).toBeNull();
  });

  it('shows the depots within the hour with their flood-fighting stock first, leaving out what has run out', () => {
    const v = surroundingsView(input());
    // The radius and its unit stay together when the heading wraps (it was cut: "半径 17.1…").
    expect(v.supplyTitle).toBe('1小时物资保障圈 · 半径\u00a021.4\u00a0公里');
    expect(v.depots).toHaveLength(1);
    // 12.5 km × 1.4 ÷ 30 km/h = 35 min.
    expect(v.depots[0]).toMatchObject({ name: '思明区物资储备库', distance: '13 公里', eta: '约 35 分钟' });
    // No-break spaces inside a line: a quantity never wraps away from its item.
    expect(v.depots[0]!.stock.replaceAll('\u00a0', ' ')).toBe('冲锋舟 4 艘 · 救生衣 300 件 · 编织袋 12,000 条 · 帐篷 40 顶');
    expect(v.depots[0]!.stock.split(' · ')[2]).toBe('编织袋\u00a012,000\u00a0条');
    // English has no Chinese counting units ("7艘", "7,027条" were shown in English).
    const en = surroundingsView(input({ locale: 'en', t: messages.en })).depots[0]!.stock;
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en).toContain('12,000');
    expect(v.depotsNote).toBeNull();
  });

  it('says so when no depot is within the hour, naming the nearest beyond it', () => {
    const v = surroundingsView(input({ answer: answer({ depots: [{ id: 'D9', name: '同安区物资储备库', ...offset(30), ...at, level: 'district' }] }) }));
    expect(v.depots).toEqual([]);
    expect(v.depotsNote).toBe('1小时内无储备库可达 · 最近：同安区物资储备库，约 84 分钟');
  });

  it('shows free beds, free shelter places (a full one marked), and people within 1, 3 and 5 km', () => {
    const v = surroundingsView(input());
    expect(v.hospitals[0]).toMatchObject({ name: '中山医院', detail: '空床 40 / 1,200', distance: '3.0 公里' });
    expect(v.shelters.map((s) => [s.name, s.detail, s.badge])).toEqual([['一中避灾点', '可容纳 1,500 人', null], ['体育馆', '可容纳 0 人', '已满']]);
    // Which kind of shelter each row is (the screen marks it for the every-category e2e test).
    expect(v.shelters.map((s) => s.category)).toEqual(['shelter', 'resettlement-site']);
    expect(v.population).toEqual([
      { label: '1 公里内', people: '1,234 人', count: '1,234', unit: '人' },
      { label: '3 公里内', people: '21,234 人', count: '21,234', unit: '人' },
      { label: '5 公里内', people: '71,234 人', count: '71,234', unit: '人' },
    ]);
    expect(v.populationNote).toBeNull();
  });

  it('shows the nearest 4 hospitals and shelters: what fits their shared column', () => {
    const hospitals = [1, 2, 3, 4, 5].map((km) => ({ id: `H${km}`, name: `H${km}`, ...offset(km), ...at, freeBeds: 1, totalBeds: 2, icuFree: null, grade: null }));
    expect(surroundingsView(input({ answer: answer({ hospitals }) })).hospitals.map((h) => h.id)).toEqual(['H1', 'H2', 'H3', 'H4']);
  });

  it('explains slower ETAs in bad weather, in the chosen language', () => {
    const slow = { factor: 1.25, reasons: [{ zh: '暴雨：1 小时雨量 42.0 毫米', en: 'Heavy rain: 42.0 mm in 1 h' }, { zh: '积水 2 处，最深 30 厘米', en: '2 waterlogged points, deepest 30 cm' }] };
    // Full-width punctuation inside Chinese ("路况:暴雨:" was shown with ASCII colons).
    expect(surroundingsView(input({ answer: answer({ slowdown: slow }) })).slowdown).toBe('路况：暴雨：1 小时雨量 42.0 毫米；积水 2 处，最深 30 厘米 · 行程时间 ×1.25');
    const en = surroundingsView(input({ answer: answer({ slowdown: slow }), locale: 'en', t: messages.en }));
    expect(en.slowdown).toBe('Roads: Heavy rain: 42.0 mm in 1 h; 2 waterlogged points, deepest 30 cm · travel times ×1.25');
    expect(en.teams[1]).toMatchObject({ detail: 'En route', eta: '~5 min', badge: 'Sent here' }); // 4.2 min × 1.25
    expect(surroundingsView(input()).slowdown).toBeNull();
  });

  it('lists the hazards nearby with what they are, their figure and how far', () => {
    expect(surroundingsView(input()).hazards).toEqual([
      { id: 'power-outage/PO-1', category: 'power-outage', kind: '停电', name: '10kV 厦大I路', detail: '1,800 户 · 1.2 公里' },
      { id: 'tide-level/XIAMEN', category: 'tide-level', kind: '潮位超警', name: '厦门站', detail: '超 42 厘米 · 3.5 公里' },
      { id: 'river-level/RIV-1', category: 'river-level', kind: '河道超警', name: '东西溪 同安站', detail: '超 0.46 米 · 4.0 公里' },
    ]);
    expect(surroundingsView(input({ locale: 'en', t: messages.en })).hazards[0]).toMatchObject({ kind: 'Power out', detail: '1,800 households · 1.2 km' });
  });

  it('lists sluices, pumps, dikes, dangerous buildings and ponding points by kind: status, department, distance, alarms marked', () => {
    const watched = { ...at, alarm: false };
    const a = answer({
      sluices: [{ id: 'SL-1', name: '九溪出海闸', ...offset(1.5), ...watched, department: 'water', category: 'sluice-pump', status: 'closed', gateOpeningM: 0, flowM3s: null }],
      pumps: [
        { id: 'PS-1', name: '新店排洪泵站', ...offset(0.6), ...watched, department: 'water', category: 'sluice-pump', status: 'running', pumpsRunning: 3, pumpsTotal: 4, flowM3s: null, mobile: false },
        { id: 'DP-1', name: '翔安大道下穿排涝泵站', ...offset(1.1), ...watched, alarm: true, department: 'municipal', category: 'drainage-pump', status: 'fault', pumpsRunning: 0, pumpsTotal: 4, flowM3s: null, mobile: false },
      ],
      dikes: [{ id: 'DK-1', name: '西滨海堤', ...offset(2.3), ...watched, alarm: true, department: 'water', category: 'dike-patrol', status: 'hazard-found', hazard: 'piping', patrollers: 6 }],
      dangerousBuildings: [{ id: 'DB-1', name: '洪厝村 12 号', ...offset(0.4), ...watched, alarm: true, department: 'construction', category: 'dangerous-building', status: 'not-evacuated', grade: 'D', residents: 14, evacuated: 9 }],
      ponding: [
        { id: 'MH-1', name: '新店路', ...offset(0.2), ...watched, alarm: true, department: 'municipal', category: 'manhole-alert', status: 'alarm', alarmKind: 'overflow', depthCm: null },
        { id: 'WL-1', name: '翔安南路下穿通道', ...offset(0.6), ...watched, alarm: true, department: 'municipal', category: 'waterlogging-point', status: 'ponding', alarmKind: null, depthCm: 32.4 },
      ],
    });
    const v = surroundingsView(input({ answer: a, size: 'console' }));
    expect(v.watch.map((g) => [g.kind, g.title, g.rows.length, g.more])).toEqual([
      ['sluices', '水闸', 1, null], ['pumps', '泵站', 2, null], ['dikes', '堤防/海堤', 1, null], ['dangerousBuildings', '危房', 1, null], ['ponding', '窨井/积水点', 2, null],
    ]);
    const rows = v.watch.flatMap((g) => g.rows).map((r) => [r.name, r.status.replaceAll('\u00a0', ' '), r.alarm, r.department, r.distance]);
    expect(rows).toEqual([
      ['九溪出海闸', '关闭', false, '水利', '1.5 公里'],
      // What needs attention first: the faulty pump before the nearer one that runs.
      ['翔安大道下穿排涝泵站', '故障', true, '市政园林', '1.1 公里'],
      ['新店排洪泵站', '运行 3/4 台', false, '水利', '0.6 公里'],
      ['西滨海堤', '发现险情：管涌', true, '水利', '2.3 公里'],
      ['洪厝村 12 号', 'D级 · 已撤 9/14 人', true, '建设', '0.4 公里'],
      ['新店路', '井盖告警 · 冒溢', true, '市政园林', '0.2 公里'],
      ['翔安南路下穿通道', '积水 32 厘米', true, '市政园林', '0.6 公里'],
    ]);
    // Which category each row comes from (the screen marks it for the every-category e2e test).
    expect(v.watch.find((g) => g.kind === 'ponding')!.rows.map((r) => r.category)).toEqual(['manhole-alert', 'waterlogging-point']);

    const en = surroundingsView(input({ answer: a, locale: 'en', t: messages.en, size: 'console' })).watch.flatMap((g) => g.rows).map((r) => `${r.status.replaceAll('\u00a0', ' ')} · ${r.department}`);
    expect(en).toEqual([
      'Closed · Water', 'Fault · Municipal', '3/4 pumps running · Water', 'Hazard: piping · Water',
      'Grade D · 9 of 14 out · Construction', 'Manhole alarm · overflowing · Municipal', 'Water 32 cm deep · Municipal',
    ]);
    for (const r of en) expect(r).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves out kinds with nothing nearby; the wall shows one of a kind, the console three, and counts the rest', () => {
    expect(surroundingsView(input()).watch).toEqual([]);
    const sluice = (i: number, status = 'open') => ({
      id: `SL-${i}`, name: `闸 ${i}`, ...offset(i), ...at, alarm: status === 'fault', department: 'water' as const, category: 'sluice-pump' as const, status, gateOpeningM: 1.2, flowM3s: null,
    });
    const a = answer({ sluices: [sluice(1), sluice(2), sluice(3), sluice(4, 'fault'), sluice(4.5)] });
    const wall = surroundingsView(input({ answer: a }));
    expect(wall.watch.map((g) => g.kind)).toEqual(['sluices']);
    // One row on the wall: the gate at fault 4 km away before the open ones nearer.
    expect(wall.watch[0]!.rows.map((r) => [r.name, r.status])).toEqual([['闸 4', '故障']]);
    expect(wall.watch[0]!.more).toBe('另\u00a04\u00a0处');
    expect(WATCH_ROWS.wall).toBe(1);

    const console_ = surroundingsView(input({ answer: a, size: 'console', locale: 'en', t: messages.en }));
    expect(console_.watch[0]!.rows.map((r) => r.name)).toEqual(['闸 4', '闸 1', '闸 2']);
    expect(console_.watch[0]!.more).toBe('+2\u00a0more');
    // An open gate says how far it is open; a figure keeps its unit on its line.
    expect(console_.watch[0]!.rows[1]!.status).toBe('Open 1.2\u00a0m');
    expect(surroundingsView(input({ answer: answer({ sluices: [sluice(1)] }) })).watch[0]!.more).toBeNull();
  });

  it('turns late, then silent, when refreshes stop arriving, and says why', () => {
    expect(surroundingsView(input({ now: T0 + 45_000, error: 'HTTP 503' }))).toMatchObject({
      age: { tone: 'late' }, message: '周边资源获取失败：HTTP 503',
    });
    expect(surroundingsView(input({ now: T0 + 5 * 60_000 })).age.tone).toBe('silent');
  });

  it('before the first answer says it is loading, or that it failed', () => {
    expect(surroundingsView(input({ answer: null }))).toMatchObject({ message: '正在汇聚周边资源…', teams: [], title: '周边资源' });
    expect(surroundingsView(input({ answer: null, error: 'no incident "X"' })).message).toBe('周边资源获取失败：no incident "X"');
  });

  it('uses only colours and sizes the wall can read: ≥ 28 px, ≥ 4.5:1 on the panel', () => {
    expect(fontPx.min).toBeGreaterThanOrEqual(28);
    for (const c of [palette.text, palette.textMuted, palette.warnLate, palette.warnSilent]) expect(contrastRatio(c, palette.panel)).toBeGreaterThanOrEqual(4.5);
  });
});
