// Surroundings of random incidents over 100,000 points of interest: server-side query time of the
// spatial index (what GET /api/v1/incidents/:id/surroundings spends answering), median and p99, next
// to a brute-force linear scan over the same, already-read points. No database: the query reads
// the engine's in-memory state only. Run: npx -y pnpm@12.21.0 bench:surroundings  (QUERIES=500 for a quicker run)
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  emptyLiveState,
  pointPlace,
  readDepots,
  readHospitals,
  readPopulation,
  readDangerousBuildings,
  readDikes,
  readHazards,
  readPonding,
  readPumps,
  readSluices,
  readShelters,
  readStock,
  readTeams,
  roadConditions,
  surroundingsOf,
  xiamen,
  type LatestRecord,
  type LiveState,
  type SurroundingsInput,
} from '@beacon/shared';
import { SUPPLY_ITEMS } from '@beacon/shared/categories/catalog/emergency.schema.ts';
import { SurroundingsIndex } from '@beacon/server/surroundings/surroundings-index.ts';
import { median, percentile } from './bench-database.ts';

const QUERIES = Number(process.env.QUERIES ?? 2000);
const NOW = Date.parse('2026-09-14T08:00:00Z');
// The mix of a city in a typhoon, scaled so the points add up to 100,000; the grid is most of them.
const MIX = { teams: 6_000, depots: 300, hospitals: 700, shelters: 3_000, cells: 90_000 };
const BOX = { lonMin: 117.9, lonMax: 118.45, latMin: 24.4, latMax: 24.8 }; // Xiamen's land and near sea

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const lonLat = () => ({ lon: BOX.lonMin + random() * (BOX.lonMax - BOX.lonMin), lat: BOX.latMin + random() * (BOX.latMax - BOX.latMin) });

function cityState(): LiveState {
  const s = emptyLiveState();
  let seq = 0;
  const records = (n: number, id: (i: number) => string, data: (i: number) => Record<string, unknown>): Record<string, LatestRecord> => {
    const out: Record<string, LatestRecord> = {};
    for (let i = 0; i < n; i++) out[id(i)] = { entityId: id(i), observedAt: NOW, version: 1, seq: ++seq, data: data(i) };
    return out;
  };
  const statuses = ['standby', 'dispatched', 'on-site', 'returning', 'resting'];
  s.latest['rescue-team'] = records(MIX.teams, (i) => `T-${i}`, (i) => ({ name: `救援队 ${i}`, members: 5 + (i % 40), status: statuses[i % 5], ...lonLat() }));
  s.latest['supply-depot'] = records(MIX.depots, (i) => `D-${i}`, (i) => ({ name: `储备库 ${i}`, level: i % 10 ? 'town' : 'district', ...lonLat() }));
  s.latest['depot-stock'] = records(MIX.depots * SUPPLY_ITEMS.length, (i) => `S-${i}`, (i) => ({
    depotId: `D-${Math.floor(i / SUPPLY_ITEMS.length)}`, item: SUPPLY_ITEMS[i % SUPPLY_ITEMS.length], quantity: Math.floor(random() * 2000), unit: '件',
  }));
  s.latest['hospital-beds'] = records(MIX.hospitals, (i) => `H-${i}`, (i) => ({ name: `医院 ${i}`, totalBeds: 300, freeBeds: i % 120, ...lonLat() }));
  s.latest.shelter = records(MIX.shelters, (i) => `B-${i}`, (i) => ({ name: `避灾点 ${i}`, capacity: 500, occupancy: i % 600, status: ['open', 'full', 'closed'][i % 3], ...lonLat() }));
  const cells = Array.from({ length: MIX.cells }, () => {
    const p = lonLat();
    return [p.lon, p.lat, 1 + Math.floor(random() * 800)];
  });
  s.latest['population-heat'] = { 'XM-150M': { entityId: 'XM-150M', observedAt: NOW, version: 1, seq: ++seq, data: { cellSizeM: 150, cells } } };
  s.seq = seq;
  return s;
}

const state = cityState();
const points = MIX.teams + MIX.depots + MIX.hospitals + MIX.shelters + MIX.cells;
console.log(`surroundings bench: ${points.toLocaleString('en')} points of interest (${Object.entries(MIX).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}), ${QUERIES.toLocaleString('en')} random incidents`);

// The brute force gets the points already read from state, as the index does: only the search differs.
const grid = readPopulation(state)!;
const all = { teams: readTeams(state), depots: readDepots(state), stock: readStock(state), hospitals: readHospitals(state), shelters: readShelters(state), hazards: readHazards(state),
  sluices: readSluices(state), pumps: readPumps(state), dikes: readDikes(state), dangerousBuildings: readDangerousBuildings(state), ponding: readPonding(state) };
function scan(centre: SurroundingsInput['centre']) {
  return surroundingsOf({
    centre, incident: null, ...all,
    population: { grid: { gridId: grid.gridId, observedAt: grid.observedAt }, cells: grid.cells },
    slowdown: roadConditions(state, xiamen, centre.district, NOW), now: NOW, seq: state.seq,
  });
}

const index = new SurroundingsIndex(() => state, xiamen);
let t = performance.now();
index.query(pointPlace(xiamen, 118.1, 24.48), null, NOW);
const firstBuild = performance.now() - t;

const centres = Array.from({ length: QUERIES }, () => {
  const p = lonLat();
  return pointPlace(xiamen, p.lon, p.lat);
});
for (const c of centres.slice(0, 50)) {
  if (!isDeepStrictEqual(index.query(c, null, NOW), scan(c))) throw new Error(`index and scan disagree at ${c.lon},${c.lat}`);
}

// Interleaved, so both see the same machine; the scan on every 4th incident, it is slow.
const indexed: number[] = [];
const scanned: number[] = [];
centres.forEach((c, i) => {
  t = performance.now();
  index.query(c, null, NOW);
  indexed.push(performance.now() - t);
  if (i % 4 === 0) {
    t = performance.now();
    scan(c);
    scanned.push(performance.now() - t);
  }
});

// What a moving team costs: the next query rebuilds the teams' index.
const rebuilds: number[] = [];
for (let i = 0; i < 50; i++) {
  index.noteChanged(['rescue-team']);
  t = performance.now();
  index.query(centres[i]!, null, NOW);
  rebuilds.push(performance.now() - t);
}

const [im, ip, sm, sp] = [median(indexed), percentile(indexed, 99), median(scanned), percentile(scanned, 99)];
console.log(`  index     p50 ${im.toFixed(3).padStart(8)} ms  p99 ${ip.toFixed(3).padStart(8)} ms  (${indexed.length} queries)`);
console.log(`  scan      p50 ${sm.toFixed(3).padStart(8)} ms  p99 ${sp.toFixed(3).padStart(8)} ms  (${scanned.length} queries, linear over the same points)`);
console.log(`  ratio     p50 ${(im / sm).toFixed(3)}×  p99 ${(ip / sp).toFixed(3)}× the scan's time (${(sm / im).toFixed(0)}× / ${(sp / ip).toFixed(0)}× faster)`);
console.log(`  build     all kinds ${firstBuild.toFixed(1)} ms once; query after a team moved (rebuilds ${MIX.teams.toLocaleString('en')} teams) p50 ${median(rebuilds).toFixed(2)} ms p99 ${percentile(rebuilds, 99).toFixed(2)} ms`);
