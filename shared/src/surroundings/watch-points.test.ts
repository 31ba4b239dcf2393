import { describe, expect, it } from 'vitest';
import { xiamen } from '../region/xiamen/index.ts';
import { scanSurroundings } from './incident.ts';
import { HAZARD_RADIUS_KM, SURROUNDINGS_LIMITS } from './surroundings.ts';
import { CENTRE, offset, stateWith, T0 } from './test-state.ts';
import { readDangerousBuildings, readDikes, readPonding, readPumps, readSluices } from './watch-points.ts';

const at = (km: number) => offset(km);
const centre = { ...CENTRE, district: '思明区' };

describe('reading flood works and weak spots from live state', () => {
  it('tells sluices from pumping stations in the water bureau\'s sluice-pump records, and adds municipal drainage pumps', () => {
    const s = stateWith({
      'sluice-pump': [
        { id: 'SL-1', data: { name: '杏林湾排洪闸', facility: 'sluice', status: 'closed', gateOpeningM: 0, lon: 118.1, lat: 24.5, district: '集美区' } },
        { id: 'PS-1', data: { name: '马銮湾泵站', facility: 'pump-station', status: 'running', pumpsRunning: 3, pumpsTotal: 4, lon: 118.11, lat: 24.5, district: '海沧区' } },
      ],
      'drainage-pump': [
        { id: 'DP-1', data: { name: '筼筜湖排涝泵站', pumpType: 'station', status: 'offline', pumpsRunning: 0, pumpsTotal: 6, lon: 118.12, lat: 24.5 } },
        { id: 'DP-2', data: { name: '移动泵车 3 号', pumpType: 'mobile', status: 'running', pumpsRunning: 1, pumpsTotal: 1, flowM3s: 0.5, lon: 118.13, lat: 24.5 } },
      ],
    });
    expect(readSluices(s)).toEqual([
      { id: 'SL-1', name: '杏林湾排洪闸', lon: 118.1, lat: 24.5, observedAt: T0, department: 'water', status: 'closed', alarm: false, category: 'sluice-pump', gateOpeningM: 0, flowM3s: null },
    ]);
    expect(readPumps(s).map((p) => [p.category, p.id, p.department, p.status, p.alarm, p.mobile, p.pumpsRunning])).toEqual([
      ['sluice-pump', 'PS-1', 'water', 'running', false, false, 3],
      // No telemetry from a pump in a storm is a reason to call municipal works.
      ['drainage-pump', 'DP-1', 'municipal', 'offline', true, false, 0],
      ['drainage-pump', 'DP-2', 'municipal', 'running', false, true, 1],
    ]);
  });

  it('reads dike sections under patrol by their section, flags a hazard found, and leaves patrols off duty out', () => {
    const s = stateWith({
      'dike-patrol': [
        { id: 'DK-1', data: { section: '西滨海堤 K2+300–K4+100', patrollers: 6, status: 'hazard-found', hazard: 'piping', ...at(1) } },
        { id: 'DK-2', data: { section: '环岛路海堤', patrollers: 4, status: 'patrolling', ...at(2) } },
        { id: 'DK-3', data: { section: '高崎海堤', patrollers: 0, status: 'off-duty', ...at(3) } },
      ],
    });
    expect(readDikes(s).map((d) => [d.id, d.name, d.department, d.status, d.alarm, d.hazard, d.patrollers])).toEqual([
      ['DK-1', '西滨海堤 K2+300–K4+100', 'water', 'hazard-found', true, 'piping', 6],
      ['DK-2', '环岛路海堤', 'water', 'patrolling', false, null, 4],
    ]);
  });

  it('says whether a dangerous building\'s residents are all out', () => {
    const s = stateWith({
      'dangerous-building': [
        { id: 'DB-1', data: { address: '大同路 12 号', grade: 'D', residents: 14, evacuated: 9, ...at(1) } },
        { id: 'DB-2', data: { address: '中山路 3 号', grade: 'C', residents: 5, evacuated: 5, ...at(2) } },
        { id: 'DB-3', data: { address: 'no counts', grade: 'C', ...at(2) } },
      ],
    });
    expect(readDangerousBuildings(s).map((b) => [b.id, b.name, b.department, b.status, b.alarm, b.grade, b.evacuated, b.residents])).toEqual([
      ['DB-1', '大同路 12 号', 'construction', 'not-evacuated', true, 'D', 9, 14],
      ['DB-2', '中山路 3 号', 'construction', 'evacuated', false, 'C', 5, 5],
    ]);
  });

  it('reads manholes not back to normal and waterlogging points with water standing, deep from 15 cm', () => {
    const s = stateWith({
      'manhole-alert': [
        { id: 'MH-1', data: { alarm: 'overflow', status: 'alarm', road: '湖里大道', ...at(1) } },
        { id: 'MH-2', data: { alarm: 'cover-displaced', status: 'handling', ...at(1) } },
        { id: 'MH-3', data: { alarm: 'none', status: 'normal', road: '嘉禾路', ...at(1) } },
      ],
      'waterlogging-point': [
        { id: 'WL-1', data: { name: '枋湖路下穿通道', depthCm: 32, ...at(2) } },
        { id: 'WL-2', data: { name: '莲前西路', depthCm: 6, ...at(2) } },
        { id: 'WL-3', data: { name: '干了', depthCm: 0, ...at(2) } },
      ],
    });
    expect(readPonding(s).map((p) => [p.category, p.id, p.name, p.department, p.status, p.alarm, p.alarmKind, p.depthCm])).toEqual([
      ['manhole-alert', 'MH-1', '湖里大道', 'municipal', 'alarm', true, 'overflow', null],
      ['manhole-alert', 'MH-2', 'MH-2', 'municipal', 'handling', false, 'cover-displaced', null],
      ['waterlogging-point', 'WL-1', '枋湖路下穿通道', 'municipal', 'ponding', true, null, 32],
      ['waterlogging-point', 'WL-2', '莲前西路', 'municipal', 'shallow', false, null, 6],
    ]);
  });

  it('leaves out a record without a position', () => {
    const s = stateWith({ 'sluice-pump': [{ id: 'SL-X', data: { name: 'x', facility: 'sluice', status: 'open' } }] });
    expect(readSluices(s)).toEqual([]);
  });
});

describe('flood works and weak spots around an incident', () => {
  it('lists each kind nearest first, with distance and department, within 5 km', () => {
    const s = stateWith({
      'sluice-pump': [
        { id: 'SL-NEAR', data: { name: '筼筜湖西堤闸', facility: 'sluice', status: 'open', gateOpeningM: 1.5, ...at(0.6) } },
        { id: 'SL-FAR', data: { name: '远处闸', facility: 'sluice', status: 'closed', ...at(HAZARD_RADIUS_KM + 0.5) } },
        { id: 'PS-1', data: { name: '湖边泵站', facility: 'pump-station', status: 'running', pumpsRunning: 2, pumpsTotal: 3, ...at(1.2) } },
      ],
      'drainage-pump': [{ id: 'DP-1', data: { name: '筼筜湖排涝泵站', pumpType: 'station', status: 'running', pumpsRunning: 4, pumpsTotal: 6, ...at(0.9) } }],
      'dike-patrol': [{ id: 'DK-1', data: { section: '筼筜湖北岸', patrollers: 3, status: 'hazard-found', hazard: 'seepage', ...at(2.5) } }],
      'dangerous-building': [{ id: 'DB-1', data: { address: '大同路 12 号', grade: 'D', residents: 14, evacuated: 14, ...at(0.3) } }],
      'manhole-alert': [{ id: 'MH-1', data: { alarm: 'overflow', status: 'alarm', road: '湖滨南路', ...at(0.2) } }],
      'waterlogging-point': [{ id: 'WL-1', data: { name: '湖滨南路下穿', depthCm: 40, ...at(0.4) } }],
    });
    const a = scanSurroundings(s, xiamen, centre, null, T0);
    expect(a.sluices).toEqual([
      { id: 'SL-NEAR', name: '筼筜湖西堤闸', ...at(0.6), observedAt: T0, department: 'water', status: 'open', alarm: false, category: 'sluice-pump', gateOpeningM: 1.5, flowM3s: null, distanceKm: 0.6 },
    ]);
    // A water-bureau station and a municipal pump in one list, nearest first.
    expect(a.pumps.map((p) => [p.id, p.department, p.distanceKm])).toEqual([['DP-1', 'municipal', 0.9], ['PS-1', 'water', 1.2]]);
    expect(a.dikes.map((d) => [d.id, d.status, d.hazard, d.distanceKm])).toEqual([['DK-1', 'hazard-found', 'seepage', 2.5]]);
    expect(a.dangerousBuildings.map((b) => [b.id, b.status, b.distanceKm])).toEqual([['DB-1', 'evacuated', 0.3]]);
    expect(a.ponding.map((p) => [p.category, p.id, p.distanceKm])).toEqual([['manhole-alert', 'MH-1', 0.2], ['waterlogging-point', 'WL-1', 0.4]]);
  });

  it('keeps its own limit per kind: many manholes never push the sluice or the dangerous building off the list', () => {
    const manholes = Array.from({ length: 12 }, (_, i) => ({ id: `MH-${String(i).padStart(2, '0')}`, data: { alarm: 'overflow', status: 'alarm', ...at(0.1 + i * 0.05) } }));
    const s = stateWith({
      'manhole-alert': manholes,
      'sluice-pump': [{ id: 'SL-1', data: { name: '闸', facility: 'sluice', status: 'closed', ...at(4.9) } }],
      'dangerous-building': Array.from({ length: 7 }, (_, i) => ({ id: `DB-${i}`, data: { address: `楼 ${i}`, grade: 'C', residents: 3, evacuated: 0, ...at(0.5 + i * 0.5) } })),
    });
    const a = scanSurroundings(s, xiamen, centre, null, T0);
    expect(a.ponding).toHaveLength(SURROUNDINGS_LIMITS.ponding);
    expect(a.ponding.map((p) => p.id)).toEqual(['MH-00', 'MH-01', 'MH-02', 'MH-03', 'MH-04']);
    expect(a.sluices.map((p) => p.id)).toEqual(['SL-1']);
    // Seven buildings within 3.5 km: the nearest five.
    expect(a.dangerousBuildings.map((b) => b.id)).toEqual(['DB-0', 'DB-1', 'DB-2', 'DB-3', 'DB-4']);
    expect(SURROUNDINGS_LIMITS.dangerousBuildings).toBe(5);
  });

  it('lists what needs attention first: a flooded underpass 3 km away is not pushed off by five manholes being handled next door', () => {
    const s = stateWith({
      'manhole-alert': Array.from({ length: 6 }, (_, i) => ({ id: `MH-${i}`, data: { alarm: 'cover-displaced', status: 'handling', ...at(0.1 * (i + 1)) } })),
      'waterlogging-point': [{ id: 'WL-DEEP', data: { name: '下穿通道', depthCm: 45, ...at(3) } }],
      'sluice-pump': [
        { id: 'PS-OK', data: { name: '近站', facility: 'pump-station', status: 'running', ...at(0.5) } },
        { id: 'PS-FAULT', data: { name: '远站', facility: 'pump-station', status: 'fault', ...at(4) } },
      ],
    });
    const a = scanSurroundings(s, xiamen, centre, null, T0);
    expect(a.ponding.map((p) => [p.id, p.alarm])).toEqual([['WL-DEEP', true], ['MH-0', false], ['MH-1', false], ['MH-2', false], ['MH-3', false]]);
    expect(a.pumps.map((p) => p.id)).toEqual(['PS-FAULT', 'PS-OK']);
  });

  it('orders equally distant pumps by category and id, whatever order they come in', () => {
    const pump = (id: string) => ({ id, data: { name: id, pumpType: 'station', status: 'running', pumpsRunning: 1, pumpsTotal: 1, ...at(1) } });
    const station = (id: string) => ({ id, data: { name: id, facility: 'pump-station', status: 'stopped', ...at(1) } });
    const ids = (order: 1 | -1) => {
      const dp = [pump('B'), pump('A')];
      const sp = [station('C')];
      const s = stateWith({ 'drainage-pump': order === 1 ? dp : dp.reverse(), 'sluice-pump': sp });
      return scanSurroundings(s, xiamen, centre, null, T0).pumps.map((p) => `${p.category}/${p.id}`);
    };
    expect(ids(1)).toEqual(['drainage-pump/A', 'drainage-pump/B', 'sluice-pump/C']);
    expect(ids(-1)).toEqual(ids(1));
  });
});
