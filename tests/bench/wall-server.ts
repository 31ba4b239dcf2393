// The server side of the wall benchmarks, in its own process so its CPU and RSS are its own: the real
// app serving the built screen, on the database given, with a kiosk token for the wall. The simulated
// departments are fed in this process, as `server/src/main.ts` does. Prints {port, token} once ready;
// answers lines on stdin: "start <speed>" and "stop" (the simulator), "mark", "report", "heapsnapshot
// <file>" (for a diagnosis: what the heap holds), "exit"; each but "exit" with one line {cpuMs since the
// mark, rssMB, heapMB, heapTotalMB, externalMB, buffersMB, seq, warnings}. Run with --expose-gc
// (wall-harness does) so that heapMB is what is live after a full collection, not garbage awaiting one.
import { createInterface } from 'node:readline';
import { connectDatabase } from '@beacon/db';
import { buildApp, defaultScreenDir } from '@beacon/server';
import { createKioskToken } from '@beacon/server/auth/kiosk.ts';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { DEFAULT_STORM_PASS_MS, startSimulator, type Simulator } from '@beacon/simulator';
import { departmentIds, type DepartmentId } from '@beacon/shared';

const [url] = process.argv.slice(2);
const db = connectDatabase(url!, { max: 8 });
// The benches measure the wall, not the ingest limiter: a 60× simulator is far past 600 requests/min.
// BEACON_BENCH_SCREEN_DIR: another build of the screen (wall-profile.ts reads an unminified one).
const app = await buildApp({ db, screenDir: process.env.BEACON_BENCH_SCREEN_DIR ?? defaultScreenDir, rateLimit: false }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const keys: Partial<Record<DepartmentId, string>> = {};
for (const department of departmentIds) keys[department] = (await createDepartmentKey(db.sql, department, 'bench simulator')).key;
const wall = await createKioskToken(db.sql, app.tokens, 'bench wall');

/** The hub sends a screen at most one frame per 100 ms tick: a feed faster than that only coalesces. */
const HUB_TICK_MS = 100;
/** Where `main.ts` starts the storm: just before the outer rain bands. */
const START_PHASE = 0.3;

let warnings = 0;
const log = { info: () => {}, warn: (l: string) => (warnings++ < 5 ? process.stderr.write(`  [simulator] ${l}\n`) : undefined) };
let running: Simulator[] = [];
let simMs = 0; // storm time already played, so a restarted simulator carries on where it stopped
let simSince = 0;
let stormPassMs = DEFAULT_STORM_PASS_MS;

/**
 * speed 1 is `main.ts`'s simulator (every category at its demo interval of 5–30 s, rain gauges every
 * 5 s, one storm pass per 30 min). speed N divides the storm pass and every interval by N, with no interval
 * under the hub's tick.
 */
function startSim(speed: number) {
  stormPassMs = DEFAULT_STORM_PASS_MS / speed;
  const startPhase = (START_PHASE + simMs / stormPassMs) % 1;
  const floor = (ms: number) => Math.max(HUB_TICK_MS, Math.round(ms / speed));
  running = [
    startSimulator({
      baseUrl: base, keys, startPhase, stormPassMs, log,
      speedup: 60 * speed, minIntervalMs: floor(5_000), maxIntervalMs: floor(30_000),
    }),
  ];
  simSince = Date.now();
}

let mark = process.cpuUsage();
const lines = createInterface({ input: process.stdin });
console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, token: wall.token }));
// Every command answers one JSON line, so the bench can wait for it.
for await (const line of lines) {
  const [command, arg] = line.split(' ');
  if (command === 'exit') break;
  if (command === 'start') startSim(Number(arg ?? 1));
  if (command === 'stop') {
    await Promise.all(running.map((s) => s.stop()));
    if (running.length) simMs += Date.now() - simSince;
    running = [];
  }
  if (command === 'mark') mark = process.cpuUsage();
  if (command === 'heapsnapshot') (await import('node:v8')).writeHeapSnapshot(arg);
  const cpu = process.cpuUsage(mark);
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, rssMB: memory.rss / 1e6, heapMB: memory.heapUsed / 1e6, heapTotalMB: memory.heapTotal / 1e6, externalMB: memory.external / 1e6, buffersMB: memory.arrayBuffers / 1e6, seq: app.engine.state.seq, warnings }));
}
await Promise.all(running.map((s) => s.stop()));
await app.close();
await db.close();
process.exit(0);
