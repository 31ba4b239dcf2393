// Replay of a 72-hour typhoon log of one million events: seek to random moments (target p99 ≤ 250 ms
// until the state is ready) and fast-forward rate, next to a plain COPY-and-fold of the same range
// (target ≥ 1.0× of it). Run: npx -y pnpm@12.21.0 bench:replay   (EVENTS=200000 for a quicker run)
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { emptyLiveState, fold, type BeaconEvent, type LiveState } from '@beacon/shared';
import { connectDatabase } from '@beacon/db';
import { EVENT_COLUMNS, rowToEvent, type LogRow } from '@beacon/server/engine/log-rows.ts';
import { saveSnapshot, SNAPSHOT_EVERY_EVENTS } from '@beacon/server/engine/snapshots.ts';
import { foldRange } from '@beacon/server/engine/fold-log.ts';
import { seqAtTime, stateAtTime } from '@beacon/server/replay/state-at.ts';
import { benchDatabase, median, percentile } from './bench-database.ts';
import { LOG_SPAN_MS, LOG_START, writeTyphoonLog } from './typhoon-log.ts';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
/** As the live engine takes them. */
const SNAPSHOT_EVERY = SNAPSHOT_EVERY_EVENTS;
const SEEKS = Number(process.env.SEEKS ?? 100);

const db = await benchDatabase();
const { sql } = connectDatabase(db.url, { max: 4 });
try {
  console.log(`replay bench: ${EVENTS.toLocaleString('en')} events over 72 h, snapshots every ${SNAPSHOT_EVERY.toLocaleString('en')} events`);
  await writeTyphoonLog(sql, EVENTS);
  // Snapshots as the live engine takes them.
  let s = emptyLiveState();
  let n = 0;
  const saves: number[] = [];
  await sql.unsafe<LogRow[]>(`select ${EVENT_COLUMNS} from events order by seq`).cursor(SNAPSHOT_EVERY, async (rows) => {
    s = fold(s, rows.map(rowToEvent));
    n += rows.length;
    if (n % SNAPSHOT_EVERY === 0) {
      const t = performance.now();
      await saveSnapshot(sql, s);
      saves.push(performance.now() - t);
    }
  });
  const [size] = await sql<{ n: number; avg: number; max: number }[]>`
    select count(*)::int as n, avg(pg_column_size(state))::float8 as avg, max(pg_column_size(state))::int as max from state_snapshots`;
  const [text] = await sql<{ bytes: number }[]>`select length(state::text)::int as bytes from state_snapshots order by seq desc limit 1`;
  console.log(`  snapshots ${size!.n} stored: ${(size!.avg / 1e6).toFixed(2)} MB on disk on average (max ${(size!.max / 1e6).toFixed(2)} MB), the newest ${(text!.bytes / 1e6).toFixed(2)} MB as JSON; a save takes median ${median(saves).toFixed(0)} ms, p99 ${percentile(saves, 99).toFixed(0)} ms — spread over the ${SNAPSHOT_EVERY.toLocaleString('en')} events between snapshots, ${((median(saves) / SNAPSHOT_EVERY) * 1000).toFixed(1)} ms per 1,000 events ingested (compare bench:ingest's CPU per 1,000 records)`);
  await sql`analyze events`;

  // Seek: random moments, time until the whole state at that moment is ready.
  const seeks: number[] = [];
  let rnd = 42;
  const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < SEEKS; i++) {
    const at = LOG_START + random() * LOG_SPAN_MS;
    const t = performance.now();
    await stateAtTime(sql, at);
    seeks.push(performance.now() - t);
  }
  console.log(`  beacon    seek              p50 ${median(seeks).toFixed(0)} ms  p99 ${percentile(seeks, 99).toFixed(0)} ms  (${SEEKS} random moments; target p99 ≤ 250 ms)`);

  // Fast-forward over 6 hours from a moment mid-typhoon: the replay path vs COPY-and-fold of the same range.
  const from = LOG_START + 30 * 3600_000;
  const to = from + 6 * 3600_000;
  const [fromSeq, toSeq] = [await seqAtTime(sql, from), await seqAtTime(sql, to)];
  const start = (await stateAtTime(sql, from)).state;
  const range = toSeq - fromSeq;

  const ff: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    await foldRange(sql, start, toSeq);
    ff.push(performance.now() - t);

    t = performance.now();
    let st: LiveState = start;
    let rest = '';
    const out = await sql.unsafe(`copy (select ${EVENT_COLUMNS} from events where seq > ${fromSeq} and seq <= ${toSeq} order by seq) to stdout`).readable();
    await pipeline(
      out,
      new Writable({
        write(chunk: Buffer, _e, cb) {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop() ?? '';
          const events: BeaconEvent[] = lines.map((line) => {
            const [seq, type, department, category, entity, observed, received, payload] = line.split('\t');
            const p = JSON.parse(payload!) as Record<string, unknown>;
            return {
              seq: Number(seq), type: type as 'record.received', department: department as 'meteorology', category: category!, entityId: entity!,
              observedAt: new Date(observed!).toISOString(), receivedAt: new Date(received!).toISOString(), version: Number(p.version ?? 1), payload: p,
            };
          });
          st = fold(st, events);
          cb();
        },
      }),
    );
    base.push(performance.now() - t);
  }
  const ffRate = range / (median(ff) / 1000);
  const baseRate = range / (median(base) / 1000);
  console.log(`  baseline  COPY-and-fold     ${Math.round(baseRate).toLocaleString('en')} events/s  (${range.toLocaleString('en')} events = 6 h, median of 3)`);
  console.log(`  beacon    fast-forward      ${Math.round(ffRate).toLocaleString('en')} events/s  (median of 3)`);
  console.log(`  ratio     ${(ffRate / baseRate).toFixed(2)}× the COPY-and-fold rate (target ≥ 1.0×); at 600× a 6-hour window plays in 36 s`);
} finally {
  await sql.end();
  await db.drop();
}
