import { describe, expect, it } from 'vitest';
import { departmentIds } from '../departments.ts';
import {
  activeTyphoons,
  bearingDeg,
  circleRing,
  compassPoint,
  convexHull,
  currentDuty,
  departmentHealth,
  feedHealth,
  forecastCone,
  fromCentre,
  shelterTotals,
  stockTotals,
  teamsByStatus,
  typhoonGrade,
} from './index.ts';
import { stateOf } from './test-state.ts';

const T0 = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;

describe('feed health', () => {
  it('has one tile per department, in registry order, "never" before any record', () => {
    const tiles = feedHealth(stateOf([]), T0);
    expect(tiles.map((t) => t.department)).toEqual(departmentIds);
    expect(tiles).toHaveLength(17);
    expect(tiles.every((t) => t.status === 'never' && t.since === null)).toBe(true);
  });

  it('is live while every reporting category is within two intervals', () => {
    // rain-gauge expects 5 min, weather-warning 30 min.
    const s = stateOf([
      { category: 'rain-gauge', id: 'SM01', data: {}, observedAt: T0 - 4 * MIN },
      { category: 'weather-warning', id: 'W1', data: {}, observedAt: T0 - 50 * MIN },
    ]);
    const h = departmentHealth(s, 'meteorology', T0);
    expect(h.status).toBe('live');
    expect(h.lastReceivedAt).toBe(T0 - 4 * MIN);
  });

  it('shows the worst category, and since when it has been quiet', () => {
    const s = stateOf([
      { category: 'rain-gauge', id: 'SM01', data: {}, observedAt: T0 - 40 * MIN }, // > 6 × 5 min: silent
      { category: 'weather-warning', id: 'W1', data: {}, observedAt: T0 - 1 * MIN },
    ]);
    const h = departmentHealth(s, 'meteorology', T0);
    expect(h.status).toBe('silent');
    expect(h.since).toBe(T0 - 40 * MIN);
    expect(h.worstCategories).toEqual(['rain-gauge']);
    expect(h.lastReceivedAt).toBe(T0 - 1 * MIN);
  });

  it('does not call a warning feed silent when no warning is in force: quiet is its normal state', () => {
    const s = stateOf([
      { category: 'rain-gauge', id: 'SM01', data: {}, observedAt: T0 - 1 * MIN },
      { category: 'weather-warning', id: 'W1', data: { status: 'lifted', level: 'blue' }, observedAt: T0 - 5 * 60 * MIN },
      { category: 'weather-warning', id: 'W2', data: { status: 'active', level: 'yellow', expiresAt: new Date(T0 - 60 * MIN).toISOString() }, observedAt: T0 - 5 * 60 * MIN },
    ]);
    expect(departmentHealth(s, 'meteorology', T0).status).toBe('live');
  });

  it('does call it silent when a warning is in force and has not been re-sent', () => {
    const s = stateOf([
      { category: 'rain-gauge', id: 'SM01', data: {}, observedAt: T0 - 1 * MIN },
      { category: 'weather-warning', id: 'W1', data: { status: 'active', level: 'red' }, observedAt: T0 - 5 * 60 * MIN }, // > 6 × 30 min
    ]);
    const h = departmentHealth(s, 'meteorology', T0);
    expect(h.status).toBe('silent');
    expect(h.worstCategories).toEqual(['weather-warning']);
  });

  it('is late between two and six intervals', () => {
    const s = stateOf([{ category: 'rain-gauge', id: 'SM01', data: {}, observedAt: T0 - 15 * MIN }]);
    expect(departmentHealth(s, 'meteorology', T0).status).toBe('late');
  });
});

describe('forces and supplies', () => {
  const s = stateOf([
    { category: 'rescue-team', id: 'A', data: { status: 'standby', members: 60 }, observedAt: T0 },
    { category: 'rescue-team', id: 'B', data: { status: 'on-site', members: 20 }, observedAt: T0 },
    { category: 'rescue-team', id: 'C', data: { status: 'on-site', members: 15 }, observedAt: T0 },
    { category: 'rescue-team', id: 'D', data: { status: 'bogus', members: 5 }, observedAt: T0 },
    { category: 'depot-stock', id: 'D1_pump', data: { item: 'pump', quantity: 4, unit: '台' }, observedAt: T0 },
    { category: 'depot-stock', id: 'D2_pump', data: { item: 'pump', quantity: 6, unit: '台' }, observedAt: T0 },
    { category: 'depot-stock', id: 'D1_tent', data: { item: 'tent', quantity: 300, unit: '顶' }, observedAt: T0 },
    { category: 'depot-stock', id: 'D1_boat', data: { item: 'assault-boat', quantity: 12, unit: '艘' }, observedAt: T0 },
    { category: 'shelter', id: 'S1', data: { status: 'open', occupancy: 450, capacity: 600 }, observedAt: T0 },
    { category: 'shelter', id: 'S2', data: { status: 'full', occupancy: 820, capacity: 800 }, observedAt: T0 },
    { category: 'shelter', id: 'S3', data: { status: 'closed', occupancy: 0, capacity: 900 }, observedAt: T0 },
  ]);

  it('counts teams and people per status in a fixed order, ignoring unknown statuses', () => {
    const rows = teamsByStatus(s);
    expect(rows.map((r) => r.status)).toEqual(['standby', 'dispatched', 'on-site', 'returning', 'resting']);
    expect(rows.find((r) => r.status === 'on-site')).toEqual({ status: 'on-site', teams: 2, members: 35 });
    expect(rows.reduce((n, r) => n + r.teams, 0)).toBe(3);
  });

  it('counts a team dispatched by command as dispatched, like every other screen', () => {
    const dispatched = { ...s, command: { ...s.command, dispatches: { A: { at: T0 + MIN, by: { id: 'u', name: '王指挥', role: 'commander' as const }, commandId: 'c1', incidentId: 'INC-1' } } } };
    const rows = teamsByStatus(dispatched);
    expect(rows.find((r) => r.status === 'standby')).toEqual({ status: 'standby', teams: 0, members: 0 });
    expect(rows.find((r) => r.status === 'dispatched')).toEqual({ status: 'dispatched', teams: 1, members: 60 });
  });

  it('sums stock per item over depots, listed items first', () => {
    const rows = stockTotals(s, ['assault-boat', 'pump']);
    expect(rows.map((r) => r.item)).toEqual(['assault-boat', 'pump', 'tent']);
    expect(rows[1]).toEqual({ item: 'pump', quantity: 10, unit: '台', depots: 2 });
  });

  it('totals shelters in use and flags overcrowding', () => {
    expect(shelterTotals(s)).toEqual({ shelters: 2, open: 1, occupancy: 1270, capacity: 1400, overCapacity: 1 });
  });
});

describe('duty roster', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const shift = (id: string, unit: string, role: string, name: string, from: number, to: number) => ({
    category: 'duty-roster',
    id,
    data: { unit, role, personName: name, shiftStart: iso(from), shiftEnd: iso(to) },
    observedAt: T0 - 60 * MIN,
  });
  it('lists who is on shift now, the bureau first, leader before chief before officer', () => {
    const s = stateOf([
      shift('a', '思明区防指', 'leader', '甲', T0 - 60 * MIN, T0 + 60 * MIN),
      shift('b', '厦门市应急管理局', 'officer', '乙', T0 - 60 * MIN, T0 + 60 * MIN),
      shift('c', '厦门市应急管理局', 'leader', '丙', T0 - 60 * MIN, T0 + 60 * MIN),
      shift('d', '厦门市应急管理局', 'leader', '丁', T0 + 60 * MIN, T0 + 120 * MIN), // next shift
      shift('e', '厦门市应急管理局', 'chief', '戊', T0 - 120 * MIN, T0), // ended exactly now
    ]);
    expect(currentDuty(s, T0).map((d) => d.personName)).toEqual(['丙', '乙', '甲']);
  });
});

describe('typhoon', () => {
  const record = (observedAt: number, extra: Record<string, unknown> = {}) => ({
    category: 'typhoon-track',
    id: '2614',
    observedAt,
    data: {
      name: '杜鹃', lon: 118.6, lat: 24.0, pressureHpa: 947, maxWindMs: 46.5, radius7Km: 384, radius10Km: 128, radius12Km: 61,
      forecast: [
        { at: new Date(observedAt + 24 * 3600_000).toISOString(), lon: 117.7, lat: 25.1, maxWindMs: 27.6 },
        { at: new Date(observedAt + 6 * 3600_000).toISOString(), lon: 118.1, lat: 24.7 },
      ],
      ...extra,
    },
  });

  it('reads the newest position with radii and the forecast in time order', () => {
    const [t] = activeTyphoons(stateOf([record(T0 - 30 * MIN)]), T0);
    expect(t!.name).toBe('杜鹃');
    expect(t!.radiiKm).toEqual({ 7: 384, 10: 128, 12: 61 });
    expect(t!.forecast.map((f) => f.lat)).toEqual([24.7, 25.1]);
    expect(t!.forecast[0]!.maxWindMs).toBeNull();
  });

  it('drops a storm whose newest position is older than 6 hours', () => {
    expect(activeTyphoons(stateOf([record(T0 - 7 * 3600_000)]), T0)).toEqual([]);
  });

  it('grades by wind on the national scale', () => {
    expect(typhoonGrade(46.5)).toBe('STY');
    expect(typhoonGrade(32.7)).toBe('TY');
    expect(typhoonGrade(51)).toBe('SuperTY');
    expect(typhoonGrade(9)).toBeNull();
    expect(typhoonGrade(null)).toBeNull();
  });

  it('measures distance and direction from the city', () => {
    const xiamen: [number, number] = [118.09, 24.48];
    expect(fromCentre(xiamen, [118.09, 25.48]).km).toBeCloseTo(111.2, 0);
    expect(compassPoint(bearingDeg(xiamen, [118.09, 25.48]))).toBe(0); // north
    expect(compassPoint(bearingDeg(xiamen, [119, 23.5]))).toBe(3); // south-east
  });

  it('draws wind circles of the right radius', () => {
    const ring = circleRing([118, 24], 100, 36);
    expect(ring).toHaveLength(37);
    expect(ring[0]).toEqual(ring.at(-1));
    for (const p of ring) expect(fromCentre([118, 24], p).km).toBeCloseTo(100, -1);
  });

  it('makes the cone the hull of growing error circles along the forecast', () => {
    const [t] = activeTyphoons(stateOf([record(T0)]), T0);
    const cone = forecastCone(t!);
    expect(cone.length).toBeGreaterThan(10);
    // The +24 h position lies well inside the cone; a point far to the east does not.
    const inside = (p: [number, number]) => cone.every((a, i) => {
      const b = cone[(i + 1) % cone.length]!;
      return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    });
    expect(inside([117.7, 25.1])).toBe(true);
    expect(inside([121, 24])).toBe(false);
    expect(forecastCone({ ...t!, forecast: [] })).toEqual([]);
  });

  it('hull of a square with an inner point is the square', () => {
    expect(convexHull([[0, 0], [1, 0], [1, 1], [0, 1], [0.5, 0.5]])).toHaveLength(4);
  });
});
