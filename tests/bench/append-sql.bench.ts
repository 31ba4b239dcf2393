// PostgreSQL's own CPU time per 1,000 records for the log's append (ingest/store-records.ts: key
// lookup, sequence numbers, COPY) and the INSERT … SELECT it replaced, beside a raw COPY of the same
// rows (the baseline), on one connection, batches of 1,000. CPU time of the backend (/proc), not wall time: it does not move with the
// machine's load the way rates do. bench:ingest measures the whole path; this isolates the SQL.
// Run: npx -y pnpm@12.21.0 bench:append-sql   (ROWS=50000 ROUNDS=3)
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { copyEvents } from '@beacon/server/ingest/copy-events.ts';
import { ALREADY_LOGGED_SQL } from '@beacon/server/ingest/store-records.ts';
import { benchDatabase, median } from './bench-database.ts';

const ROWS = Number(process.env.ROWS ?? 50_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const BATCH = 1000;
const T0 = Date.UTC(2026, 0, 1);
const gauges = Array.from({ length: 120 }, (_, i) => `G${i}`);
type Reading = { stationId: string; observedAt: string; rainfall1hMm: number };
const reading = (i: number): Reading => ({ stationId: gauges[i % gauges.length]!, observedAt: new Date(T0 + i * 1000).toISOString(), rainfall1hMm: (i % 900) / 10 });
const asBatch = (rows: Reading[]) => rows.map((r) => ({
  d: 'meteorology', c: 'rain-gauge', e: r.stationId, o: r.observedAt, k: `rain-gauge:${r.stationId}:${r.observedAt}:1`, s: 'bench', p: { ...r, version: 1 },
}));

const db = await benchDatabase();
const sql = postgres(db.url, { max: 1, onnotice: () => {} }); // one connection: one backend, whose CPU /proc gives
try {
  const [backend] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const cpuMs = () => {
    const f = readFileSync(`/proc/${backend!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
  };
  const columns = 'type, department, category, entity_id, observed_at, dedupe_key, source_id, payload';
  const variants: [string, (rows: Reading[]) => Promise<unknown>][] = [
    ['baseline: raw COPY', async (rows) => {
      const copy = await sql`copy events (${sql.unsafe(columns)}) from stdin`.writable();
      await pipeline(Readable.from(rows.map((r) => `record.received\tmeteorology\train-gauge\t${r.stationId}\t${r.observedAt}\train-gauge:${r.stationId}:${r.observedAt}:1\tbench\t${JSON.stringify({ ...r, version: 1 })}\n`)), copy);
    }],
    // What ingest/store-records.ts does: look the keys up, draw the numbers, COPY the rows.
    ['shipped: lookup + nextval + COPY', (rows) => sql.begin(async (tx) => {
      const batch = asBatch(rows);
      await tx.unsafe(ALREADY_LOGGED_SQL, [batch.map((b) => b.k)], { prepare: false });
      const drawn = await tx<{ seq: string }[]>`select nextval('events_seq_seq')::text as seq from generate_series(1, ${batch.length}::int)`;
      await copyEvents(tx, batch.map((b) => ({
        department: b.d, category: b.c, entityId: b.e, observedAt: b.o, dedupeKey: b.k, sourceId: b.s, payload: b.p,
      })), drawn.map((d) => Number(d.seq)));
    })],
    ['before: INSERT … SELECT jsonb_to_recordset, scalar-subquery filter, ON CONFLICT', (rows) => sql`
      insert into events (${sql.unsafe(columns)})
      select 'record.received', d, c, e, o, k, s, p from jsonb_to_recordset(${sql.json(asBatch(rows) as never)})
        as t(d text, c text, e text, o timestamptz, k text, s text, p jsonb)
      where (select 1 from events x where x.dedupe_key = t.k limit 1) is null
      on conflict (dedupe_key) do nothing returning seq, dedupe_key, received_at`],
  ];
  console.log(`append-sql bench: ${ROWS.toLocaleString('en')} rain readings per round, statements of ${BATCH}, ${ROUNDS} interleaved rounds; PostgreSQL backend CPU per 1,000 records`);
  const results = new Map<string, number[]>();
  let offset = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, append] of variants) {
      const base = offset;
      offset += ROWS;
      const before = cpuMs();
      for (let from = 0; from < ROWS; from += BATCH) await append(Array.from({ length: BATCH }, (_, j) => reading(base + from + j)));
      results.set(name, [...(results.get(name) ?? []), ((cpuMs() - before) * 1000) / ROWS]);
    }
  }
  const copy = median(results.get(variants[0]![0])!);
  for (const [name, xs] of results) {
    console.log(`  ${name.padEnd(50)} median ${median(xs).toFixed(1)} ms (rounds: ${xs.map((x) => x.toFixed(1)).join(', ')})  ${(median(xs) / copy).toFixed(2)}× COPY's`);
  }
} finally {
  await sql.end();
  await db.drop();
}
