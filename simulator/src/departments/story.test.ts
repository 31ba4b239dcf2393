import { describe, expect, it } from 'vitest';
import { generateRecords } from './generate.ts';

const NOW = '2026-09-14T08:00:00.000Z';
const pass = Array.from({ length: 200 }, (_, i) => i / 200);
const ORDER = ['blue', 'yellow', 'orange', 'red'];
const ALERTS = ['weather-warning', 'flash-flood-warning', 'geohazard-warning', 'storm-surge-warning'];

type Rec = Record<string, unknown>;
const at = (category: string, phase: number): Rec[] => generateRecords(category, phase, NOW);
const sum = (records: Rec[], field: string) => records.reduce((n, r) => n + (r[field] as number), 0);

describe('one typhoon, seventeen departments', () => {
  it('escalates the typhoon signal blue → yellow → orange → red, steps it down, then lifts it', () => {
    const states = pass.map((p) => at('weather-warning', p).find((r) => r.event === '台风')).filter((r): r is Rec => !!r);
    const active = states.filter((r) => r.status === 'active').map((r) => ORDER.indexOf(String(r.level)));
    const peak = active.indexOf(3);
    expect(active[0]).toBe(0);
    expect(peak).toBeGreaterThan(0);
    for (let i = 1; i <= peak; i++) expect(active[i]).toBeGreaterThanOrEqual(active[i - 1]!);
    for (let i = peak + 1; i < active.length; i++) expect(active[i]).toBeLessThanOrEqual(active[i - 1]!);
    expect(new Set(active.slice(0, peak + 1))).toEqual(new Set([0, 1, 2, 3]));
    expect(states.at(-1)?.status).toBe('lifted');
  });

  it.each(ALERTS)('issues %s during the pass and has lifted it by the end', (category) => {
    const records = pass.flatMap((p) => at(category, p));
    expect(records.some((r) => r.status === 'active')).toBe(true);
    expect(records.some((r) => r.status === 'active' && (r.level === 'orange' || r.level === 'red'))).toBe(true);
    for (const r of at(category, 0.99)) expect(r.status).toBe('lifted');
    expect(at(category, 0.01).every((r) => r.status !== 'active' || r.level === 'blue')).toBe(true);
  });

  it('never puts more people in a shelter than it holds, and fills then empties the shelters', () => {
    for (const category of ['shelter', 'resettlement-site', 'school-shelter']) {
      for (const p of pass) for (const r of at(category, p)) expect(r.occupancy as number).toBeLessThanOrEqual(r.capacity as number);
      const people = pass.map((p) => sum(at(category, p), 'occupancy'));
      expect(people[0]).toBe(0);
      expect(Math.max(...people)).toBeGreaterThan(0.5 * sum(at(category, 0.5), 'capacity'));
      expect(people.at(-1)).toBe(0);
    }
  });

  it('opens incidents and closes every one of them, with teams dispatched, on site and back', () => {
    const statuses = new Set(pass.flatMap((p) => at('incident', p).map((r) => r.status)));
    expect(statuses).toEqual(new Set(['open', 'handling', 'closed']));
    expect(at('incident', 0.99).every((r) => r.status === 'closed')).toBe(true);
    const teamStatuses = new Set(pass.flatMap((p) => at('rescue-team', p).map((r) => r.status)));
    expect(teamStatuses).toEqual(new Set(['standby', 'dispatched', 'on-site', 'returning', 'resting']));
    const moving = pass.map((p) => at('rescue-team', p).find((r) => r.teamId === 'TA-ZH-01')!);
    expect(new Set(moving.map((r) => `${r.lon},${r.lat}`)).size).toBeGreaterThan(3);
  });

  it('draws the depots down through the storm and refills them after', () => {
    const sandbags = (p: number) => sum(at('depot-stock', p).filter((r) => r.item === 'sandbag'), 'quantity');
    expect(sandbags(0.5)).toBeLessThan(0.6 * sandbags(0));
    expect(sandbags(0.99)).toBeGreaterThan(sandbags(0.6));
  });

  it('raises rivers, tide and waterlogging with the storm and lets them fall again', () => {
    const peakOf = (category: string, field: string) => Math.max(...pass.map((p) => Math.max(...at(category, p).map((r) => r[field] as number))));
    const calm = (category: string, field: string) => Math.max(...at(category, 0.02).map((r) => r[field] as number));
    const end = (category: string, field: string) => Math.max(...at(category, 0.99).map((r) => r[field] as number));
    expect(peakOf('river-level', 'levelM') - calm('river-level', 'levelM')).toBeGreaterThan(1);
    expect(end('river-level', 'levelM')).toBeLessThan(peakOf('river-level', 'levelM') - 1);
    expect(peakOf('tide-level', 'surgeCm')).toBeGreaterThan(100);
    expect(end('tide-level', 'surgeCm')).toBeLessThan(20);
    expect(peakOf('waterlogging-point', 'depthCm')).toBeGreaterThanOrEqual(30);
    expect(end('waterlogging-point', 'depthCm')).toBe(0);
    expect(peakOf('reservoir-level', 'levelM')).toBeGreaterThan(calm('reservoir-level', 'levelM'));
  });

  it('cuts power and base stations as the wind rises, then restores them', () => {
    const out = pass.map((p) => at('power-outage', p).filter((r) => r.status !== 'restored').length);
    expect(out[0]).toBe(0);
    expect(Math.max(...out)).toBeGreaterThanOrEqual(5);
    expect(out.at(-1)).toBe(0);
    const down = pass.map((p) => at('base-station-outage', p).filter((r) => r.status === 'down').length);
    expect(Math.max(...down)).toBeGreaterThan(0);
    expect(down.at(-1)).toBe(0);
  });

  it('closes roads and suspends ferries, and reopens them', () => {
    expect(at('road-closure', 0.5).some((r) => r.status === 'closed')).toBe(true);
    expect(at('road-closure', 0.99).every((r) => r.status === 'reopened')).toBe(true);
    expect(at('ferry-suspension', 0.5).every((r) => r.status === 'suspended')).toBe(true);
    expect(at('ferry-suspension', 0.99).every((r) => r.status === 'running')).toBe(true);
  });

  it('moves the population heat into the shelters and keeps the city’s people counted', () => {
    const grid = (p: number) => at('population-heat', p)[0]!.cells as [number, number, number][];
    const total = (p: number) => grid(p).reduce((n, c) => n + c[2], 0);
    expect(grid(0.5).length).toBeGreaterThan(200);
    expect(Math.abs(total(0.5) - total(0)) / total(0)).toBeLessThan(0.001);
    // The cell holding 厦门大学翔安校区避灾点 (3,000 places) gains people while the shelter is full.
    const shelter = at('shelter', 0.5).find((r) => r.shelterId === 'XA-BZD-012')!;
    const cellNear = (p: number) => grid(p).reduce((best, c) =>
      Math.hypot(c[0] - (shelter.lon as number), c[1] - (shelter.lat as number)) < Math.hypot(best[0] - (shelter.lon as number), best[1] - (shelter.lat as number)) ? c : best);
    expect(cellNear(0.5)[2] - cellNear(0)[2]).toBeGreaterThan(1000);
  });

  it('shows the typhoon approaching from the sea, making landfall and going inland, with a forecast', () => {
    const track = [0.1, 0.5, 0.9].map((p) => at('typhoon-track', p)[0]!);
    expect(track[0]!.lon as number).toBeGreaterThan(track[1]!.lon as number);
    expect(track[2]!.lat as number).toBeGreaterThan(track[1]!.lat as number);
    expect(track[1]).toMatchObject({ typhoonId: '2614', pressureHpa: 950, maxWindMs: 45 });
    expect((track[0]!.forecast as unknown[]).length).toBe(3);
    expect(track[1]!.radius10Km as number).toBeGreaterThan(0);
  });
});
