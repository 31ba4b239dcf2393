import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyLiveState, scanSurroundings, pointPlace, xiamen, type DepartmentId, type LiveState, type SurroundingsAnswer } from '@beacon/shared';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { SurroundingsIndex } from '@beacon/server/surroundings/surroundings-index.ts';
import { CENTRE, offset } from '@beacon/shared/surroundings/test-state.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const at = new Date(NOW - 60_000).toISOString();

let database: TestDatabase;
let server: TestServer;
const keys: Partial<Record<DepartmentId, string>> = {};
/** A wall's kiosk token: the surroundings are read by the wall. */

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW, rateLimit: false });
  for (const d of ['emergency', 'fire', 'health', 'population', 'water', 'municipal', 'construction'] as const) keys[d] = (await createDepartmentKey(server.db.sql, d, 'surroundings test')).key;
  keys.meteorology = server.meteorologyKey;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function post(department: DepartmentId, category: string, records: object[]): Promise<void> {
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/${category}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[department]}` },
    body: JSON.stringify({ records: records.map((r) => ({ observedAt: at, ...r })) }),
  });
  expect(res.status, `${category}: ${await res.clone().text()}`).toBe(200);
}

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${server.wallToken}` } });
  return { status: res.status, body: await res.json() };
}

const north = (km: number) => offset(km, 0);
const east = (km: number) => offset(km, 90);
const SM = { district: '思明区' } as const;

describe('surroundings of an incident, from records departments posted', () => {
  beforeAll(async () => {
    await post('emergency', 'incident', [
      { incidentId: 'INC-1', kind: 'collapse', severity: 'III', status: 'open', title: '思明区民房倒塌', ...CENTRE, ...SM },
    ]);
    await post('emergency', 'rescue-team', [
      { teamId: 'T-A', name: '甲队', tier: 'comprehensive', members: 30, status: 'standby', ...north(2), ...SM },
      { teamId: 'T-B', name: '乙队', tier: 'professional', members: 12, status: 'dispatched', incidentId: 'INC-1', ...east(0.5), ...SM },
      { teamId: 'T-C', name: '丙队', tier: 'social', members: 8, status: 'standby', ...north(10) },
    ]);
    await post('fire', 'fire-station', [{ stationId: 'FS-1', name: '思明特勤站', stationType: 'special-service', firefighters: 60, engines: 9, ...east(1), ...SM }]);
    await post('emergency', 'supply-depot', [
      { depotId: 'D-1', name: '思明区物资储备库', level: 'district', ...east(5), ...SM },
      { depotId: 'D-2', name: '市级物资储备库', level: 'city', ...north(20), district: '集美区' },
      { depotId: 'D-3', name: '同安区物资储备库', level: 'district', ...north(25), district: '同安区' },
    ]);
    await post('emergency', 'depot-stock', [
      { stockId: 'D-1_sandbag', depotId: 'D-1', item: 'sandbag', quantity: 5000, unit: '条' },
      { stockId: 'D-1_pump', depotId: 'D-1', item: 'pump', quantity: 6, unit: '台' },
      { stockId: 'D-2_tent', depotId: 'D-2', item: 'tent', quantity: 40, unit: '顶' },
    ]);
    await post('emergency', 'shelter', [
      { shelterId: 'S-1', name: '一中避灾点', capacity: 500, occupancy: 120, status: 'open', ...north(1.5), ...SM },
      { shelterId: 'S-2', name: '关闭的避灾点', capacity: 300, occupancy: 0, status: 'closed', ...north(0.8), ...SM },
      { shelterId: 'S-3', name: '满员避灾点', capacity: 200, occupancy: 230, status: 'full', ...east(3), ...SM },
    ]);
    await post('health', 'hospital-beds', [
      { hospitalId: 'H-1', name: '中山医院', totalBeds: 800, freeBeds: 40, icuFree: 3, ...north(3), ...SM },
      { hospitalId: 'H-2', name: '第一医院', totalBeds: 1200, freeBeds: 15, ...east(6), ...SM },
    ]);
    await post('population', 'population-heat', [
      { gridId: 'XM-500M', cellSizeM: 500, cells: [[...Object.values(north(0.3)), 1000], [...Object.values(east(2)), 5000], [...Object.values(north(4)), 20000], [...Object.values(north(7)), 99999]] },
    ]);
    await server.app.engine.catchUp();
  });

  it('lists forces nearest first with distance and ETA, marking the team already sent', async () => {
    const { status, body } = await get('/api/v1/incidents/INC-1/surroundings');
    expect(status).toBe(200);
    const a = body as SurroundingsAnswer;
    expect(a.incident).toEqual({ incidentId: 'INC-1', title: '思明区民房倒塌', kind: 'collapse', severity: 'III', status: 'open' });
    expect(a.centre).toEqual({ ...CENTRE, district: '思明区' });
    expect(a.teams.map((t) => t.id)).toEqual(['T-B', 'FS-1', 'T-A', 'T-C']);
    expect(a.teams.map((t) => t.distanceKm)).toEqual([0.5, 1, 2, 10]);
    // 2 km × 1.4 ÷ 40 km/h = 4.2 min; 10 km: 21 min.
    expect(a.teams.slice(1).map((t) => t.etaMin)).toEqual([2.1, 4.2, 21]);
    expect([1, 1.1]).toContain(a.teams[0]!.etaMin); // 0.5 km: 1.05 min, to 0.1 min
    expect(a.teams[0]).toMatchObject({ category: 'rescue-team', status: 'dispatched', assignedHere: true, members: 12 });
    expect(a.teams[1]).toMatchObject({ category: 'fire-station', status: null, members: 60, assignedHere: false });
  });

  it('puts the depots a truck reaches within an hour in the supply circle, with their stock', async () => {
    const a = (await get('/api/v1/incidents/INC-1/surroundings')).body as SurroundingsAnswer;
    // 20 km × 1.4 ÷ 30 km/h = 56 min: inside; 25 km = 70 min: the nearest outside.
    expect(a.supplyCircle.depots.map((d) => [d.id, d.etaMin])).toEqual([['D-1', 14], ['D-2', 56]]);
    expect(a.supplyCircle.depots[0]!.stock).toEqual([{ item: 'pump', quantity: 6, unit: '台' }, { item: 'sandbag', quantity: 5000, unit: '条' }]);
    expect(a.supplyCircle.depots[1]!.stock).toEqual([{ item: 'tent', quantity: 40, unit: '顶' }]);
    expect(a.supplyCircle.nearestOutside).toMatchObject({ id: 'D-3', etaMin: 70, stock: [] });
  });

  it('lists hospitals with free beds, usable shelters with free places, and people within 1, 3 and 5 km', async () => {
    const a = (await get('/api/v1/incidents/INC-1/surroundings')).body as SurroundingsAnswer;
    expect(a.hospitals.map((h) => [h.id, h.distanceKm, h.freeBeds, h.icuFree])).toEqual([['H-1', 3, 40, 3], ['H-2', 6, 15, null]]);
    expect(a.shelters.map((s) => [s.id, s.free, s.status])).toEqual([['S-1', 380, 'open'], ['S-3', 0, 'full']]);
    expect(a.population).toEqual({
      gridId: 'XM-500M',
      observedAt: Date.parse(at),
      rings: [{ radiusKm: 1, people: 1000 }, { radiusKm: 3, people: 6000 }, { radiusKm: 5, people: 26000 }],
    });
  });

  it('follows a team that moves and stock that is used, on the next query', async () => {
    const later = new Date(NOW - 30_000).toISOString();
    await post('emergency', 'rescue-team', [{ teamId: 'T-C', name: '丙队', tier: 'social', members: 8, status: 'on-site', incidentId: 'INC-1', ...east(0.2), observedAt: later }]);
    await post('emergency', 'depot-stock', [{ stockId: 'D-1_sandbag', depotId: 'D-1', item: 'sandbag', quantity: 3500, unit: '条', observedAt: later }]);
    await server.app.engine.catchUp();
    const a = (await get('/api/v1/incidents/INC-1/surroundings')).body as SurroundingsAnswer;
    expect(a.teams[0]).toMatchObject({ id: 'T-C', distanceKm: 0.2, status: 'on-site', assignedHere: true });
    expect(a.supplyCircle.depots[0]!.stock.find((s) => s.item === 'sandbag')?.quantity).toBe(3500);
  });

  it('slows every trip and shrinks the supply circle when the district has heavy rain', async () => {
    await post('meteorology', 'rain-gauge', [{ stationId: 'SM06', rainfall1hMm: 42 }]);
    await server.app.engine.catchUp();
    const a = (await get('/api/v1/incidents/INC-1/surroundings')).body as SurroundingsAnswer;
    expect(a.travel.slowdown).toBe(1.25);
    expect(a.travel.reasons).toEqual([{ zh: '暴雨：1 小时雨量 42.0 毫米', en: 'Heavy rain: 42.0 mm in 1 h' }]);
    // D-2 at 56 min × 1.25 = 70 min falls out of the circle and is now the nearest outside it.
    expect(a.supplyCircle.depots.map((d) => d.id)).toEqual(['D-1']);
    expect(a.supplyCircle.nearestOutside?.id).toBe('D-2');
    expect(a.hospitals.find((h) => h.id === 'H-1')?.etaMin).toBe(7.9); // 3 km: 6.3 min × 1.25 = 7.875
  });

  it('answers for a bare point too', async () => {
    const p = north(2);
    const { status, body } = await get(`/api/v1/surroundings?lon=${p.lon}&lat=${p.lat}`);
    expect(status).toBe(200);
    expect(body.incident).toBeNull();
    expect(body.teams[0]).toMatchObject({ id: 'T-A', distanceKm: 0 });
  });
});

describe('sluices, pumps, dikes, dangerous buildings and ponding points around an incident (issue #15)', () => {
  beforeAll(async () => {
    await post('water', 'sluice-pump', [
      { facilityId: 'SL-1', name: '筼筜湖西堤闸', facility: 'sluice', status: 'closed', gateOpeningM: 0, ...north(0.7), ...SM },
      { facilityId: 'PS-1', name: '筼筜湖泵站', facility: 'pump-station', status: 'running', pumpsRunning: 3, pumpsTotal: 4, ...east(1.1), ...SM },
      { facilityId: 'SL-FAR', name: '远处闸', facility: 'sluice', status: 'open', ...north(8), district: '湖里区' },
    ]);
    await post('municipal', 'drainage-pump', [
      { pumpId: 'DP-1', name: '湖滨南路排涝泵站', pumpType: 'station', status: 'fault', pumpsRunning: 0, pumpsTotal: 6, ...north(0.9), ...SM },
    ]);
    await post('water', 'dike-patrol', [
      { patrolId: 'DK-1', section: '筼筜湖北岸 K0+000–K1+200', patrollers: 4, status: 'hazard-found', hazard: 'seepage', ...east(1.6), ...SM },
      { patrolId: 'DK-OFF', section: '已收队段', patrollers: 0, status: 'off-duty', ...east(1.2), ...SM },
    ]);
    await post('construction', 'dangerous-building', [
      { buildingId: 'DB-1', address: '思明区大同路 12 号', grade: 'D', residents: 14, evacuated: 9, ...north(0.4), ...SM },
    ]);
    await post('municipal', 'manhole-alert', [
      { manholeId: 'MH-1', alarm: 'overflow', status: 'alarm', road: '湖滨南路', ...east(0.3), ...SM },
      { manholeId: 'MH-OK', alarm: 'none', status: 'normal', road: '厦禾路', ...east(0.2), ...SM },
    ]);
    await post('municipal', 'waterlogging-point', [{ pointId: 'WL-1', name: '湖滨南路下穿通道', depthCm: 28, ...north(0.6), ...SM }]);
    await server.app.engine.catchUp();
  });

  it('names each with its department, distance and status, nearest first, within 5 km', async () => {
    const { status, body } = await get('/api/v1/incidents/INC-1/surroundings');
    expect(status).toBe(200);
    const a = body as SurroundingsAnswer;
    expect(a.sluices.map((s) => [s.id, s.name, s.department, s.distanceKm, s.status, s.alarm])).toEqual([['SL-1', '筼筜湖西堤闸', 'water', 0.7, 'closed', false]]);
    expect(a.pumps.map((p) => [p.category, p.id, p.department, p.distanceKm, p.status, p.alarm, p.pumpsRunning, p.pumpsTotal])).toEqual([
      ['drainage-pump', 'DP-1', 'municipal', 0.9, 'fault', true, 0, 6],
      ['sluice-pump', 'PS-1', 'water', 1.1, 'running', false, 3, 4],
    ]);
    expect(a.dikes.map((d) => [d.id, d.name, d.department, d.distanceKm, d.status, d.hazard])).toEqual([['DK-1', '筼筜湖北岸 K0+000–K1+200', 'water', 1.6, 'hazard-found', 'seepage']]);
    expect(a.dangerousBuildings.map((b) => [b.id, b.name, b.department, b.distanceKm, b.status, b.grade, b.evacuated, b.residents])).toEqual([
      ['DB-1', '思明区大同路 12 号', 'construction', 0.4, 'not-evacuated', 'D', 9, 14],
    ]);
    expect(a.ponding.map((p) => [p.category, p.id, p.name, p.department, p.distanceKm, p.status])).toEqual([
      ['manhole-alert', 'MH-1', '湖滨南路', 'municipal', 0.3, 'alarm'],
      ['waterlogging-point', 'WL-1', '湖滨南路下穿通道', 'municipal', 0.6, 'ponding'],
    ]);
  });

  it('follows a sluice opened and residents moved out, on the next query', async () => {
    const later = new Date(NOW - 20_000).toISOString();
    await post('water', 'sluice-pump', [{ facilityId: 'SL-1', name: '筼筜湖西堤闸', facility: 'sluice', status: 'open', gateOpeningM: 1.2, ...north(0.7), ...SM, observedAt: later }]);
    await post('construction', 'dangerous-building', [{ buildingId: 'DB-1', address: '思明区大同路 12 号', grade: 'D', residents: 14, evacuated: 14, ...north(0.4), ...SM, observedAt: later }]);
    await server.app.engine.catchUp();
    const a = (await get('/api/v1/incidents/INC-1/surroundings')).body as SurroundingsAnswer;
    expect(a.sluices[0]).toMatchObject({ id: 'SL-1', status: 'open', gateOpeningM: 1.2 });
    expect(a.dangerousBuildings[0]).toMatchObject({ id: 'DB-1', status: 'evacuated', alarm: false, evacuated: 14 });
  });

  it('documents the new lists in the API description', async () => {
    const doc = (await get('/docs/json')).body;
    const schema = doc.paths['/api/v1/incidents/{incidentId}/surroundings'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['sluices', 'pumps', 'dikes', 'dangerousBuildings', 'ponding']));
  });
});

describe('the API description', () => {
  it('documents both routes from the schemas that validate them', async () => {
    const doc = (await get('/docs/json')).body;
    const incident = doc.paths['/api/v1/incidents/{incidentId}/surroundings'].get;
    expect(incident.parameters).toEqual([expect.objectContaining({ name: 'incidentId', in: 'path', required: true })]);
    expect(Object.keys(incident.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(doc.paths['/api/v1/surroundings'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['lon', 'lat']);
  });
});

describe('bad requests are answered clearly', () => {
  it('404 names an incident that does not exist', async () => {
    const { status, body } = await get('/api/v1/incidents/INC-404/surroundings');
    expect(status).toBe(404);
    expect(body).toMatchObject({ statusCode: 404, code: 'BEACON_UNKNOWN_INCIDENT', issues: [{ path: 'params.incidentId', got: 'INC-404' }] });
    expect(body.message).toContain('INC-404');
  });

  it('400 for an id that cannot be an incident id, naming the field and the pattern', async () => {
    const { status, body } = await get(`/api/v1/incidents/${encodeURIComponent('bad id!')}/surroundings`);
    expect(status).toBe(400);
    expect(body.code).toBe('BEACON_INVALID_INPUT');
    expect(body.issues).toEqual([{ path: 'params.incidentId', expected: expect.stringContaining('an incident id'), got: 'bad id!' }]);
    expect(body.message).toContain('params.incidentId');
  });

  it('400 for a longitude outside the city, a latitude that is not a number, or a missing one', async () => {
    const out = await get('/api/v1/surroundings?lon=200&lat=24.5');
    expect(out.status).toBe(400);
    expect(out.body.issues).toEqual([{ path: 'query.lon', expected: expect.stringMatching(/^number ≤ 118.6 \(WGS-84 longitude/), got: 200 }]);
    expect(out.body.message).toMatch(/^query\.lon: expected number ≤ 118\.6/);

    const text = await get('/api/v1/surroundings?lon=118.1&lat=north');
    expect(text.status).toBe(400);
    expect(text.body.issues).toEqual([{ path: 'query.lat', expected: expect.stringMatching(/^number \(WGS-84 latitude/), got: 'string "north"' }]);

    const missing = await get('/api/v1/surroundings?lon=118.1');
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toEqual([{ path: 'query.lat', expected: expect.stringMatching(/^a value \(required\)/), got: 'nothing' }]);
  });
});

describe('the spatial index answers what a linear scan answers', () => {
  it('for random points around the records posted above (through HTTP)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 117.95, max: 118.3, noNaN: true }), fc.double({ min: 24.4, max: 24.75, noNaN: true }), async (lon, lat) => {
        const { status, body } = await get(`/api/v1/surroundings?lon=${lon}&lat=${lat}`);
        expect(status).toBe(200);
        expect(body).toEqual(scanSurroundings(server.app.engine.state, xiamen, pointPlace(xiamen, lon, lat), null, NOW));
      }),
      { numRuns: 60 },
    );
  });

  // Random points of interest, often piled on one spot (fast-check favours the bounds), so that
  // ties at the edge of "the nearest 8" and of the supply circle are exercised too.
  const coord = (min: number, max: number) => fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, (min + max) / 2));
  const point = fc.record({ lon: coord(118.0, 118.4), lat: coord(24.4, 24.7) });
  const rec = (data: Record<string, unknown>) => ({ observedAt: NOW, version: 1, seq: 1, data });

  it('for random points of interest and random query points (index against scan, no HTTP)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.constantFrom('standby', 'dispatched')), { maxLength: 40 }),
        fc.array(point, { maxLength: 30 }),
        fc.array(fc.tuple(point, fc.constantFrom('open', 'full', 'closed')), { maxLength: 20 }),
        fc.array(fc.tuple(point, fc.integer({ min: 1, max: 5000 })), { maxLength: 200 }),
        fc.array(point, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(point, fc.constantFrom('sluice', 'pump-station'), fc.constantFrom('open', 'running', 'fault')), { maxLength: 30 }),
        fc.array(fc.tuple(point, fc.constantFrom('alarm', 'handling', 'normal')), { maxLength: 30 }),
        (teams, depots, shelters, cells, queries, facilities, manholes) => {
          const state: LiveState = { ...emptyLiveState(), seq: 1 };
          const byId = <T,>(xs: T[], f: (x: T, i: number) => Record<string, unknown>) => Object.fromEntries(xs.map((x, i) => [`P${i}`, { entityId: `P${i}`, ...rec(f(x, i)) }]));
          state.latest = {
            'rescue-team': byId(teams, ([p, status]) => ({ ...p, name: 'T', members: 5, status })),
            'supply-depot': byId(depots, (p) => ({ ...p, name: 'D', level: 'city' })),
            shelter: byId(shelters, ([p, status]) => ({ ...p, name: 'S', capacity: 100, occupancy: 10, status })),
            'hospital-beds': byId(depots.slice(0, 7), (p) => ({ ...p, name: 'H', freeBeds: 1, totalBeds: 2 })),
            'population-heat': { G: { entityId: 'G', ...rec({ cells: cells.map(([p, n]) => [p.lon, p.lat, n]) }) } },
            'sluice-pump': byId(facilities, ([p, facility, status]) => ({ ...p, name: 'F', facility, status })),
            'manhole-alert': byId(manholes, ([p, status]) => ({ ...p, alarm: 'overflow', status })),
          };
          const index = new SurroundingsIndex(() => state, xiamen);
          for (const q of queries) {
            const centre = pointPlace(xiamen, q.lon, q.lat);
            expect(index.query(centre, null, NOW)).toEqual(scanSurroundings(state, xiamen, centre, null, NOW));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
