// Fan-out: 17 feeds at 2,000 updates/s in all, 500 socket.io screens (one wall on the whole city,
// the rest on districts, subdistricts and incidents with their 5 km surroundings). End-to-end latency from each update's SCHEDULED send time
// (open loop: a late send counts as late) to its arrival on a screen, next to a bare ws broadcast of
// the same updates coalesced into the same 10 Hz frames. Run: npx -y pnpm@12.21.0 bench:fanout [-- --scale]
// (--scale: 500, 1,000, 2,000 and 5,000 screens, both sides at each step).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION, viewKey, type PatchedDelta } from '@beacon/shared';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { benchDatabase, percentile } from './bench-database.ts';
import { benchViews } from './fanout-views.ts';

const RATE = Number(process.env.RATE ?? 2000);
const CLIENTS = Number(process.env.CLIENTS ?? 500);
const FEEDS = 17;
const WARMUP_S = Number(process.env.WARMUP_S ?? 5);
const MEASURE_S = Number(process.env.MEASURE_S ?? 20);
const now = () => performance.timeOrigin + performance.now();

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const serverScript = fileURLToPath(new URL('./fanout-server.ts', import.meta.url));

interface Child { proc: ChildProcessWithoutNullStreams; next(): Promise<string>; }
async function startServer(mode: 'beacon' | 'bare', url = ''): Promise<Child & { port: number; keys: string[]; token: string }> {
  // FANOUT_PROFILE=dir: a CPU profile of each server process, written there when it exits.
  // FANOUT_NODE_ARGS="--flag …": more V8/node flags for the server processes (e.g. --trace-deopt), with
  // FANOUT_TRACE=file: what they print on stdout, kept there.
  const profile = process.env.FANOUT_PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.FANOUT_PROFILE}`] : [];
  const flags = [...profile, ...(process.env.FANOUT_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const proc = spawn(process.execPath, flags.length ? [...flags, '--import', 'tsx', serverScript, mode, url] : [tsx, serverScript, mode, url]);
  proc.stderr.on('data', (d) => process.stderr.write(d));
  // V8's traces (--trace-deopt, --trace-opt) print to stdout too: the server's own lines are JSON
  // objects. Read as they come, so that a flood of traces never fills the pipe and holds the server.
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: proc.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) {
      if (process.env.FANOUT_TRACE) appendFileSync(process.env.FANOUT_TRACE, `${line}\n`);
      return;
    }
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const next = (): Promise<string> => (lines.length ? Promise.resolve(lines.shift()!) : new Promise((r) => waiting.push(r)));
  const ready = JSON.parse(await next()) as { port: number; keys: string[]; token: string };
  return { proc, next, ...ready };
}
interface ServerUsage { cpuMs: number; rssMB: number; loopP99Ms: number; loopMaxMs: number }
async function serverUsage(child: Child): Promise<ServerUsage> {
  child.proc.stdin.write('report\n');
  return JSON.parse(await child.next());
}

const feedsScript = fileURLToPath(new URL('./fanout-feeds.ts', import.meta.url));

/** Starts the feeds in their own process (fanout-feeds.ts), once the screens are connected. */
async function startFeeds(mode: 'bare' | 'beacon', port: number, keys: string[] = []) {
  const proc = spawn(process.execPath, [tsx, feedsScript, mode, String(port), JSON.stringify(keys)], { env: { ...process.env, RATE: String(RATE) } });
  proc.stderr.on('data', (d) => process.stderr.write(d));
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  await next(); // "started"
  return {
    mark: () => proc.stdin.write('mark\n'),
    report: async () => {
      proc.stdin.write('report\n');
      return JSON.parse(await next()) as { ackP50: number; ackP99: number; failed: number; cpuMs: number };
    },
    stop: async () => {
      proc.stdin.write('exit\n');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

const cpuSince = (mark: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(mark);
  return (used.user + used.system) / 1000;
};
const percentOfCore = (cpuMs: number) => `${((cpuMs / (MEASURE_S * 1000)) * 100).toFixed(0)}% of a core`;

function report(name: string, lat: number[], usage: ServerUsage, extra = '') {
  const cpu = (usage.cpuMs / (MEASURE_S * 1000)) * 100;
  console.log(`  ${name.padEnd(9)} p50 ${percentile(lat, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(lat, 99).toFixed(1).padStart(6)} ms  (${lat.length.toLocaleString('en')} arrivals)  server CPU ${cpu.toFixed(0)}% of a core, RSS ${usage.rssMB.toFixed(0)} MB, event loop held p99 ${usage.loopP99Ms.toFixed(0)} ms max ${usage.loopMaxMs.toFixed(0)} ms${extra}`);
  return { p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

let measuring = false;

/** The baseline: a bare ws server sending the same frames to `clients` sockets. */
async function runBare(clients: number) {
  const bare = await startServer('bare');
  const bareClients: WebSocket[] = [];
  const bareLat: number[] = [];

  for (const view of benchViews(clients)) {
    const c = new WebSocket(`ws://127.0.0.1:${bare.port}/?view=${encodeURIComponent(viewKey(view))}`);
    const seen = new Map<string, string>();
    c.on('message', (data) => {
      if (!measuring) return;
      const t = now();
      const frame = JSON.parse(String(data)) as { latest: Record<string, { observedAt: string }> };
      for (const [id, u] of Object.entries(frame.latest)) {
        if (seen.get(id) === u.observedAt) continue;
        seen.set(id, u.observedAt);
        bareLat.push(t - Date.parse(u.observedAt));
      }
    });
    bareClients.push(c);
  }
  await Promise.all(bareClients.map((c) => new Promise((r) => c.once('open', r))));
  const feeds = await startFeeds('bare', bare.port);
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  bare.proc.stdin.write('mark\n');
  const screensMark = process.cpuUsage();
  measuring = true;
  await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
  measuring = false;
  const bareUsage = await serverUsage(bare);
  const screensCpuMs = cpuSince(screensMark);
  await feeds.stop();
  bareClients.forEach((c) => c.close());
  bare.proc.stdin.write('exit\n');
  return { lat: bareLat, usage: bareUsage, extra: `; screens' process CPU ${percentOfCore(screensCpuMs)}` };
}

/** Beacon: the real app on a fresh database, `clients` socket.io screens, the feeds over HTTP. */
async function runBeacon(clients: number) {
  const db = await benchDatabase();
  const beacon = await startServer('beacon', db.url);
  const base = `http://127.0.0.1:${beacon.port}`;
  const beaconLat: number[] = [];
  const sockets: Socket[] = [];
  for (const view of benchViews(clients)) {
    const s = io(base, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: beacon.token } });
    s.on('connect', () => s.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view }, () => {}));
    s.on('view:delta', (m: { delta: PatchedDelta }, ack?: () => void) => {
      if (measuring) {
        const t = now();
        // A reading comes whole or as a patch (protocol 4); both carry the record's observation time in its stamp.
        for (const rec of [...Object.values(m.delta.latest['rain-gauge'] ?? {}), ...Object.values(m.delta.patches?.['rain-gauge'] ?? {})]) beaconLat.push(t - rec.observedAt);
      }
      ack?.(); // protocol 5: asked for now and then, covering the deltas before it
    });
    sockets.push(s);
  }
  // Snapshots are always acknowledged (protocol 3; they count in the hub's window since protocol 5).
  await Promise.all(sockets.map((s) => new Promise<void>((r) => s.once('view:snapshot', (_m: unknown, ack: () => void) => { ack(); r(); }))));
  const feeds = await startFeeds('beacon', beacon.port, beacon.keys);
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  beacon.proc.stdin.write('mark\n');
  feeds.mark();
  const screensMark = process.cpuUsage();
  measuring = true;
  await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
  measuring = false;
  const beaconUsage = await serverUsage(beacon);
  const screensCpuMs = cpuSince(screensMark);
  const ingest = await feeds.report();
  await feeds.stop();
  await new Promise((r) => setTimeout(r, 500));
  sockets.forEach((s) => s.close());
  beacon.proc.stdin.write('exit\n');
  await new Promise((r) => beacon.proc.once('exit', r));
  await db.drop();
  return { lat: beaconLat, usage: beaconUsage, extra: `; ingest ack p50 ${ingest.ackP50.toFixed(1)} ms p99 ${ingest.ackP99.toFixed(1)} ms; failed requests ${ingest.failed}; screens' process CPU ${percentOfCore(screensCpuMs)}` };
}

// --scale: the curve, both sides at each step; otherwise one step of CLIENTS screens.
const steps = process.argv.includes('--scale') ? [500, 1000, 2000, 5000] : [CLIENTS];
console.log(`fan-out bench: ${RATE} updates/s from ${FEEDS} feeds, ${steps.join(', ')} screens, ${WARMUP_S} s warm-up + ${MEASURE_S} s measured`);
for (const clients of steps) {
  if (steps.length > 1) console.log(`${clients} screens`);
  const bareRun = await runBare(clients);
  const beaconRun = await runBeacon(clients);
  const b = report('bare ws', bareRun.lat, bareRun.usage, bareRun.extra);
  const s = report('beacon', beaconRun.lat, beaconRun.usage, beaconRun.extra);
  console.log(`  ratio     p50 ${(s.p50 / b.p50).toFixed(2)}×  p99 ${(s.p99 / b.p99).toFixed(2)}× the bare baseline (target: p99 ≤ 1.0× in the median run, ≤ 1.5× in every run; server ≤ 40% of a core at 500 screens)`);
}
process.exit(0);
