// Durable, acknowledged ingest through HTTP batches vs. a raw postgres.js COPY of the same rows into
// a table of the same shape and indexes, in the same run. Target: ≥ 0.5× the COPY rate.
// Run: npx -y pnpm@12.21.0 bench:ingest   (ROWS=100000 BATCH=1000 CONCURRENCY=4; PROFILE=1 writes the servers'
// CPU profiles to /tmp/prof)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { xiamen } from '@beacon/shared';
import postgres from 'postgres';
import { createMigratedDatabase } from '../support/test-database.ts';
import { benchDatabase, median, percentile } from './bench-database.ts';

const ROWS = Number(process.env.ROWS ?? 100_000);
const BATCH = Number(process.env.BATCH ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const gauges = xiamen.rainGauges.map((g) => g.id);
const T0 = Date.now() - 30 * 24 * 3600_000;

/** Record i: a distinct reading (station, time) so nothing is a duplicate. */
function record(i: number) {
  return { stationId: gauges[i % gauges.length]!, observedAt: new Date(T0 + i * 1000).toISOString(), rainfall1hMm: (i % 900) / 10 };
}

const db = await benchDatabase();
const sql = postgres(db.url, { max: 2, onnotice: () => {} });
const lockDb = await createMigratedDatabase(db.url, 'beacon_bench_lock');
try {
  console.log(`ingest bench: ${ROWS.toLocaleString('en')} rain readings, HTTP batches of ${BATCH} × ${CONCURRENCY} in flight, vs raw COPY`);

  // Baseline: the same rows, as the log stores them, COPYed into a table like `events` (emptied each round).
  await sql`create table events_copy (like events including all)`;
  const copyRound = async (round: number): Promise<number> => {
    await sql`truncate events_copy`;
    const lines = function* () {
      for (let i = 0; i < ROWS; i++) {
        const r = record(round * ROWS * 2 + i);
        const payload = JSON.stringify({ ...r, version: 1 });
        yield `record.received\tmeteorology\train-gauge\t${r.stationId}\t${r.observedAt}\train-gauge:${r.stationId}:${r.observedAt}:1\tbench\t${payload}\n`;
      }
    };
    const t = performance.now();
    const copy = await sql`copy events_copy (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload) from stdin`.writable();
    await pipeline(Readable.from(lines()), copy);
    return ROWS / ((performance.now() - t) / 1000);
  };

  // Beacon, in its own process, through the public API — as shipped, and with the measured alternative
  // (one lock from drawing sequence numbers to commit: commit order = sequence order; see
  // server/src/engine/log-follower.ts for the choice). Each on a database of its own on the same
  // server, so neither follows (and folds) the other's log.
  const startServer = async (mode: 'beacon' | 'beacon-append-lock', url: string) => {
    // Node itself runs the server (tsx as a loader, not a wrapper process): its pid is the server's, for /proc.
    const child = spawn(process.execPath, [...(process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', fileURLToPath(new URL('./fanout-server.ts', import.meta.url)), mode, url]);
    child.stderr.on('data', (d) => process.stderr.write(d));
    const out = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const { port, keys } = JSON.parse(String((await out.next()).value)) as { port: number; keys: string[] };
    return { child, port, keys };
  };
  const shipped = await startServer('beacon', db.url);
  const locked = await startServer('beacon-append-lock', lockDb.url);

  // Load-independent costs per 1,000 records, beside the rates (which a busy machine moves): the
  // server's CPU time (/proc: utime + stime) and what PostgreSQL counts for its database.
  const cpuMs = (pid: number): number => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  };
  const dbCounters = async (url: string) => {
    const c = postgres(url, { max: 1, onnotice: () => {} });
    const [row] = await c<{ xacts: string; fetched: string }[]>`
      select (xact_commit + xact_rollback)::text as xacts, tup_fetched::text as fetched
      from pg_stat_database where datname = current_database()`;
    await c.end();
    return { xacts: Number(row!.xacts), fetched: Number(row!.fetched) };
  };
  // PostgreSQL's CPU: every process of the cluster (backends and background workers alike) lists
  // itself in pg_stat_activity. Only one side runs at a time, so a round's delta is that side's.
  const clusterCpuMs = async (): Promise<Map<string, number>> => {
    const processes = await sql<{ pid: number; kind: string }[]>`select pid, coalesce(backend_type, 'other') as kind from pg_stat_activity`;
    const byKind = new Map<string, number>();
    for (const { pid, kind } of processes) {
      try {
        byKind.set(kind, (byKind.get(kind) ?? 0) + cpuMs(pid));
      } catch {
        // ended since the query
      }
    }
    return byKind;
  };
  const total = (byKind: Map<string, number>) => [...byKind.values()].reduce((a, b) => a + b, 0);
  /** PostgreSQL's CPU per 1,000 records by process kind (client backend, autovacuum worker, walwriter…), summed over rounds. */
  const databaseKinds = new Map<string, Map<string, number>>();
  const cpu = new Map<string, { server: number[]; database: number[]; client: number[] }>();
  const measured = async (name: string, pid: number | null, round: () => Promise<number>): Promise<number> => {
    const server0 = pid ? cpuMs(pid) : 0;
    const database0 = await clusterCpuMs();
    const client0 = process.cpuUsage();
    const rate = await round();
    const client = process.cpuUsage(client0);
    await new Promise((r) => setTimeout(r, 500)); // the follower folds the tail
    const per = 1000 / ROWS;
    const c = cpu.get(name) ?? { server: [], database: [], client: [] };
    c.server.push(pid ? (cpuMs(pid) - server0) * per : 0);
    const database1 = await clusterCpuMs();
    c.database.push((total(database1) - total(database0)) * per);
    const kinds = databaseKinds.get(name) ?? new Map<string, number>();
    for (const [kind, ms] of database1) kinds.set(kind, (kinds.get(kind) ?? 0) + ((ms - (database0.get(kind) ?? 0)) * per) / ROUNDS);
    databaseKinds.set(name, kinds);
    c.client.push(((client.user + client.system) / 1000) * per);
    cpu.set(name, c);
    return rate;
  };
  // Each server has a database of its own, so its counters over the whole run are its own.
  const countersBefore = [await dbCounters(db.url), await dbCounters(lockDb.url)];

  const acks: number[] = [];
  const lockedAcks: number[] = [];
  let failed = 0;
  const beaconRound = async (server: { port: number; keys: string[] }, offset: number, ackTimes: number[]): Promise<number> => {
    let next = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        for (;;) {
          const from = next;
          next += BATCH;
          if (from >= ROWS) return;
          const records = Array.from({ length: Math.min(BATCH, ROWS - from) }, (_, j) => record(offset + from + j));
          const sent = performance.now();
          const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/ingest/rain-gauge`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${server.keys[w]}` },
            body: JSON.stringify({ records }),
          });
          await res.arrayBuffer();
          if (res.status !== 200) failed += 1;
          ackTimes.push(performance.now() - sent);
        }
      }),
    );
    return ROWS / ((performance.now() - t) / 1000);
  };

  // Interleaved rounds, so all sides see the same machine; medians, as these machines are noisy.
  const copyRates: number[] = [];
  const beaconRates: number[] = [];
  const lockedRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    copyRates.push(await measured('raw COPY', null, () => copyRound(round)));
    beaconRates.push(await measured('beacon', shipped.child.pid!, () => beaconRound(shipped, (round * 3 + 1) * ROWS, acks)));
    lockedRates.push(await measured('alt (a)', locked.child.pid!, () => beaconRound(locked, (round * 3 + 2) * ROWS, lockedAcks)));
  }
  // Only the bench's own readings: the servers also log the incidents incident views watch.
  const count = async (url: string) => {
    const c = postgres(url, { max: 1, onnotice: () => {} });
    const [row] = await c<{ n: number }[]>`select count(*)::int as n from events where category = 'rain-gauge'`;
    await c.end();
    return row!.n;
  };
  const row = { n: (await count(db.url)) + (await count(lockDb.url)) };
  const copyRate = median(copyRates);
  const rate = median(beaconRates);
  const lockedRate = median(lockedRates);
  const fmt = (xs: number[]) => xs.map((x) => Math.round(x).toLocaleString('en')).join(', ');
  const ackFmt = (xs: number[]) => `ack p50 ${median(xs).toFixed(0)} ms p99 ${percentile(xs, 99).toFixed(0)} ms per ${BATCH}-record batch`;
  console.log(`  baseline  raw COPY           median ${Math.round(copyRate).toLocaleString('en')} rows/s  (rounds: ${fmt(copyRates)})`);
  console.log(`  beacon    HTTP batches       median ${Math.round(rate).toLocaleString('en')} rows/s  (rounds: ${fmt(beaconRates)}); ${ackFmt(acks)}`);
  console.log(`  alt (a)   same + append lock median ${Math.round(lockedRate).toLocaleString('en')} rows/s  (rounds: ${fmt(lockedRates)}); ${ackFmt(lockedAcks)}`);
  // PostgreSQL publishes an idle backend's counters within 10 s (PGSTAT_IDLE_INTERVAL).
  await new Promise((r) => setTimeout(r, 11_000));
  const countersAfter = [await dbCounters(db.url), await dbCounters(lockDb.url)];
  // CPU time per 1,000 records (median round): on a machine of 2 cores, the sum bounds the rate.
  for (const [name, c] of cpu) {
    const [server, database, client] = [median(c.server), median(c.database), median(c.client)];
    console.log(`  ${name.padEnd(9)} CPU per 1,000 records: ${(server + database + client).toFixed(0)} ms = server ${server.toFixed(0)} + PostgreSQL ${database.toFixed(0)} + bench client ${client.toFixed(0)}`);
    const kinds = [...(databaseKinds.get(name) ?? new Map<string, number>())].filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]);
    console.log(`  ${''.padEnd(9)} PostgreSQL's part by process (mean of rounds): ${kinds.map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`).join(', ')}`);
  }
  (['beacon', 'alt (a)'] as const).forEach((name, i) => {
    const per = 1000 / (ROWS * ROUNDS);
    const xacts = (countersAfter[i]!.xacts - countersBefore[i]!.xacts) * per;
    const fetched = (countersAfter[i]!.fetched - countersBefore[i]!.fetched) * per;
    console.log(`  ${name.padEnd(9)} PostgreSQL per 1,000 records (whole run): ${xacts.toFixed(1)} transactions, ${fetched.toFixed(0)} rows fetched`);
  });
  const expected = ROWS * ROUNDS * 2;
  if (failed > 0 || row!.n !== expected) {
    // A refused request is fast: a rate that includes refusals would flatter Beacon. Say so and fail.
    console.log(`  INVALID   ${failed} request(s) failed and ${row!.n} of ${expected} rows were stored: no ratio reported`);
    process.exitCode = 1;
  } else {
    console.log(`  ratio     ${(rate / copyRate).toFixed(2)}× the COPY rate (target ≥ 0.5×); the append-lock alternative ${(lockedRate / copyRate).toFixed(2)}×; median of ${ROUNDS} interleaved rounds; Beacon also validates every record and moves current_state`);
  }
  for (const s of [shipped, locked]) {
    s.child.stdin.write('exit\n');
    await new Promise((r) => s.child.once('exit', r));
  }
} finally {
  await sql.end();
  await lockDb.drop();
  await db.drop();
}
