// The next record on a screen after a department resends a batch of 1,000 records already stored,
// vs. the same record with no resend before it (the in-run baseline). Retries must not delay the wall:
// goal p99 ≤ 250 ms. Run: npx -y pnpm@12.21.0 bench:duplicates   (TRIALS=40)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { rainfallOf, xiamen } from '@beacon/shared';
import { watch } from '../support/socket-client.ts';
import { benchDatabase, median, percentile } from './bench-database.ts';

const TRIALS = Number(process.env.TRIALS ?? 40);
const DUPLICATES = 1000;
const T0 = Date.now() - 6 * 3600_000;
const gauges = xiamen.rainGauges.map((g) => g.id);

const db = await benchDatabase();
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const child = spawn(process.execPath, [tsx, fileURLToPath(new URL('./fanout-server.ts', import.meta.url)), 'beacon', db.url]);
child.stderr.on('data', (d) => process.stderr.write(d));
const out = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
const { port, keys, token } = JSON.parse(String((await out.next()).value)) as { port: number; keys: string[]; token: string };
const baseUrl = `http://127.0.0.1:${port}`;

async function send(records: unknown[]): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[0]}` },
    body: JSON.stringify({ records }),
  });
  if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}

try {
  // The batch a department will resend: 1,000 readings, stored once now.
  const batch = Array.from({ length: DUPLICATES }, (_, i) => ({
    stationId: gauges[i % gauges.length]!, observedAt: new Date(T0 + i * 1000).toISOString(), rainfall1hMm: (i % 500) / 10,
  }));
  await send(batch);
  const screen = await watch({ baseUrl, wallToken: token });
  const plain: number[] = [];
  const afterDuplicates: number[] = [];
  // Interleaved trials; each waits for its own record on the screen.
  for (let t = 0; t < TRIALS * 2; t++) {
    const withDuplicates = t % 2 === 1;
    const mm = 100 + t / 10;
    const record = { stationId: 'SM01', observedAt: new Date(T0 + 3600_000 + t * 60_000).toISOString(), rainfall1hMm: mm };
    if (withDuplicates) await send(batch); // all 1,000 answered as duplicates
    const sent = performance.now();
    await send([record]);
    await screen.until((s) => rainfallOf(s, 'SM01')?.rainfall1hMm === mm, 10_000);
    (withDuplicates ? afterDuplicates : plain).push(performance.now() - sent);
  }
  screen.close();
  const fmt = (xs: number[]) => `p50 ${median(xs).toFixed(0)} ms, p99 ${percentile(xs, 99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  console.log(`duplicates bench: the next record on a city screen, ${TRIALS} trials each, interleaved (hub tick 100 ms)`);
  console.log(`  baseline  no resend before it             ${fmt(plain)}`);
  console.log(`  beacon    after ${DUPLICATES.toLocaleString('en')} duplicates resent  ${fmt(afterDuplicates)}`);
  console.log(`  ratio     p99 ${(percentile(afterDuplicates, 99) / percentile(plain, 99)).toFixed(2)}× the baseline (goal: p99 ≤ 250 ms)`);
} finally {
  child.stdin.write('exit\n');
  await new Promise((r) => child.once('exit', r));
  await db.drop();
}
