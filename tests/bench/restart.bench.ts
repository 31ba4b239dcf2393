// Restart-to-current with a log of one million events (and again with 5,000 burned numbers after the snapshot): folding the whole log vs. the newest snapshot
// plus the log after it, next to the in-run baselines of writing (COPY in) and reading (COPY out)
// the same rows raw. Run: npx -y pnpm@12.21.0 bench:restart   (EVENTS=200000 for a quicker run)
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { emptyLiveState, fold } from '@beacon/shared';
import { connectDatabase } from '@beacon/db';
import { LiveEngine } from '@beacon/server/engine/live-engine.ts';
import { saveSnapshot } from '@beacon/server/engine/snapshots.ts';
import { EVENT_COLUMNS, rowToEvent, type LogRow } from '@beacon/server/engine/log-rows.ts';
import { benchDatabase, median } from './bench-database.ts';
import { writeTyphoonLog } from './typhoon-log.ts';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const TAIL = 10_000;
const TAIL_NOTE = 'a 72-hour typhoon log';
/** Sequence numbers drawn and never committed after the newest snapshot. */
const BURNED = 5000;
class Rollback extends Error {}

const db = await benchDatabase();
const { sql } = connectDatabase(db.url, { max: 2 });
try {
  console.log(`restart bench: ${EVENTS.toLocaleString('en')} rain-gauge events, ${TAIL_NOTE}`);
  let t0 = performance.now();
  await writeTyphoonLog(sql, EVENTS);
  const copyInMs = performance.now() - t0;
  console.log(`  baseline  raw COPY in      ${(copyInMs / 1000).toFixed(1)} s   ${Math.round(EVENTS / (copyInMs / 1000)).toLocaleString('en')} rows/s`);

  t0 = performance.now();
  let bytes = 0;
  const copyOut = await sql`copy (select seq, type, department, category, entity_id, observed_at, received_at, payload from events order by seq) to stdout`.readable();
  await pipeline(copyOut, new Writable({ write(chunk: Buffer, _e, cb) { bytes += chunk.length; cb(); } }));
  const copyOutMs = performance.now() - t0;
  console.log(`  baseline  raw COPY out     ${(copyOutMs / 1000).toFixed(1)} s   ${Math.round(EVENTS / (copyOutMs / 1000)).toLocaleString('en')} rows/s (${(bytes / 1e6).toFixed(0)} MB)`);

  // Restart-to-current: the engine started and everything committed before its start folded in.
  const ready = async (): Promise<{ ms: number; seq: number; from: number }> => {
    const engine = new LiveEngine();
    const t = performance.now();
    await engine.start(sql, undefined, { snapshots: false, pollMs: 60_000 });
    await engine.whenCurrent();
    const ms = performance.now() - t;
    const out = { ms, seq: engine.state.seq, from: engine.startedFrom };
    await engine.stop();
    return out;
  };

  const full = await ready();
  console.log(`  beacon    fold whole log   ${(full.ms / 1000).toFixed(1)} s   ${Math.round(EVENTS / (full.ms / 1000)).toLocaleString('en')} events/s  (ready at seq ${full.seq}; ${(full.ms / copyOutMs).toFixed(2)}× COPY out)`);

  // A snapshot TAIL events before the end, as the engine would have written it.
  const [{ cut }] = (await sql<{ cut: number }[]>`select (max(seq) - ${TAIL})::int as cut from events`) as unknown as [{ cut: number }];
  let snapState = emptyLiveState();
  await sql.unsafe<LogRow[]>(`select ${EVENT_COLUMNS} from events where seq <= $1 order by seq`, [cut]).cursor(5000, (rs) => {
    snapState = fold(snapState, rs.map(rowToEvent));
  });
  t0 = performance.now();
  await saveSnapshot(sql, snapState);
  const saveMs = performance.now() - t0;
  const [{ size }] = (await sql<{ size: number }[]>`select pg_column_size(state)::int as size from state_snapshots where seq = ${cut}`) as unknown as [{ size: number }];

  const runs: number[] = [];
  let last = { ms: 0, seq: 0, from: 0 };
  for (let i = 0; i < 5; i++) {
    last = await ready();
    runs.push(last.ms);
  }
  console.log(`  beacon    snapshot + log   median ${median(runs).toFixed(0)} ms of 5 (from seq ${last.from}, +${TAIL.toLocaleString('en')} events, ready at seq ${last.seq}); snapshot ${(size / 1024).toFixed(0)} KB, written in ${saveMs.toFixed(0)} ms`);
  console.log(`  ratio     snapshot path is ${(full.ms / median(runs)).toFixed(0)}× faster than folding the whole log`);

  // The same restart with BURNED numbers that never committed after the snapshot (rollbacks, numbers
  // drawn and unused), then a few records committed after them: the follower must settle them all.
  await sql.begin(async (tx) => {
    await tx`select pg_current_xact_id()`;
    await tx`select nextval('events_seq_seq') from generate_series(1, ${BURNED})`;
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
  await sql.begin(async (tx) => {
    await tx`select pg_current_xact_id()`;
    await tx`insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
             select 'record.received', 'meteorology', 'rain-gauge', 'SM01', now(), 'after-gap-' || g, 'bench',
                    jsonb_build_object('stationId', 'SM01', 'observedAt', now(), 'rainfall1hMm', g, 'version', 1)
             from generate_series(1, 10) g`;
  });
  const gapRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    last = await ready();
    gapRuns.push(last.ms);
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`  baseline  snapshot + log, no gaps          runs ${fmt(runs)} ms; median ${median(runs).toFixed(0)} ms`);
  console.log(`  beacon    snapshot + log + ${BURNED.toLocaleString('en')} burned    runs ${fmt(gapRuns)} ms; median ${median(gapRuns).toFixed(0)} ms (current at seq ${last.seq})`);
  console.log(`  cost      ${(median(gapRuns) - median(runs)).toFixed(0)} ms more than the same restart without gaps (goal ≤ 2,000 ms)`);
} finally {
  await sql.end();
  await db.drop();
}
