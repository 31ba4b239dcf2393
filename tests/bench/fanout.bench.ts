// Fan-out: 17 feeds at 2,000 updates/s in all, 500 socket.io screens (one wall on the whole city,
// the rest on districts, subdistricts and incidents with their 5 km surroundings). End-to-end latency from each update's SCHEDULED send time
// (open loop: a late send counts as late) to its arrival on a screen, next to a bare ws broadcast of
// the same updates coalesced into the same 10 Hz frames. Run: npx -y pnpm@12.21.0 bench:fanout
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION, viewKey, xiamen } from '@beacon/shared';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { benchDatabase, percentile } from './bench-database.ts';
import { benchViews } from './fanout-views.ts';

const RATE = Number(process.env.RATE ?? 2000);
const CLIENTS = Number(process.env.CLIENTS ?? 500);
const FEEDS = 17;
const WARMUP_S = Number(process.env.WARMUP_S ?? 5);
const MEASURE_S = Number(process.env.MEASURE_S ?? 20);
const SEND_EVERY_MS = 100;
const gauges = xiamen.rainGauges;
const now = () => performance.timeOrigin + performance.now();

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const serverScript = fileURLToPath(new URL('./fanout-server.ts', import.meta.url));

interface Child { proc: ChildProcessWithoutNullStreams; next(): Promise<string>; }
async function startServer(mode: 'beacon' | 'bare', url = ''): Promise<Child & { port: number; keys: string[]; token: string }> {
  // FANOUT_PROFILE=dir: a CPU profile of each server process, written there when it exits.
  const profile = process.env.FANOUT_PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.FANOUT_PROFILE}`] : [];
  const proc = spawn(process.execPath, profile.length ? [...profile, '--import', 'tsx', serverScript, mode, url] : [tsx, serverScript, mode, url]);
  proc.stderr.on('data', (d) => process.stderr.write(d));
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const ready = JSON.parse(await next()) as { port: number; keys: string[]; token: string };
  return { proc, next, ...ready };
}
async function serverUsage(child: Child): Promise<{ cpuMs: number; rssMB: number }> {
  child.proc.stdin.write('report\n');
  return JSON.parse(await child.next());
}

/** Open-loop schedule: update k is due at t0 + k/RATE s; each feed sends what fell due every 100 ms. */
function startFeeds(t0: number, send: (feed: number, updates: { stationId: string; observedAt: string; rainfall1hMm: number }[]) => void) {
  // Feed f owns updates k ≡ f (mod FEEDS). Feeds are staggered across the send interval, as 17
  // independent departments would be, so arrival bursts do not line up with the server's tick by luck.
  const next = Array.from({ length: FEEDS }, (_, f) => f);
  const timers: NodeJS.Timeout[] = [];
  const starts: NodeJS.Timeout[] = [];
  for (let feed = 0; feed < FEEDS; feed++) {
    starts.push(
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            const due = Math.floor(((now() - t0) / 1000) * RATE);
            const batch = [];
            for (let k = next[feed]!; k < due; k += FEEDS) {
              const g = gauges[k % gauges.length]!;
              batch.push({ stationId: g.id, observedAt: new Date(t0 + (k * 1000) / RATE).toISOString(), rainfall1hMm: (k % 900) / 10 });
              next[feed] = k + FEEDS;
            }
            if (batch.length) send(feed, batch);
          }, SEND_EVERY_MS),
        );
      }, (feed * SEND_EVERY_MS) / FEEDS),
    );
  }
  return () => {
    starts.forEach(clearTimeout);
    timers.forEach(clearInterval);
  };
}

function report(name: string, lat: number[], usage: { cpuMs: number; rssMB: number }, extra = '') {
  const cpu = (usage.cpuMs / (MEASURE_S * 1000)) * 100;
  console.log(`  ${name.padEnd(9)} p50 ${percentile(lat, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(lat, 99).toFixed(1).padStart(6)} ms  (${lat.length.toLocaleString('en')} arrivals)  server CPU ${cpu.toFixed(0)}% of a core, RSS ${usage.rssMB.toFixed(0)} MB${extra}`);
  return { p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

console.log(`fan-out bench: ${RATE} updates/s from ${FEEDS} feeds, ${CLIENTS} screens, ${WARMUP_S} s warm-up + ${MEASURE_S} s measured`);

// ---- baseline: bare ws ----
const bare = await startServer('bare');
const bareClients: WebSocket[] = [];
const bareLat: number[] = [];
let measuring = false;

for (const view of benchViews(CLIENTS)) {
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
const feedSocket = new WebSocket(`ws://127.0.0.1:${bare.port}/`);
await new Promise((r) => feedSocket.once('open', r));
let stop = startFeeds(now(), (_feed, updates) => feedSocket.send(JSON.stringify(updates)));
await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
bare.proc.stdin.write('mark\n');
measuring = true;
await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
measuring = false;
const bareUsage = await serverUsage(bare);
stop();
bareClients.forEach((c) => c.close());
feedSocket.close();
bare.proc.stdin.write('exit\n');

// ---- Beacon ----
const db = await benchDatabase();
const beacon = await startServer('beacon', db.url);
const base = `http://127.0.0.1:${beacon.port}`;
const beaconLat: number[] = [];
const ackLat: number[] = [];
let failed = 0;
const sockets: Socket[] = [];
for (const view of benchViews(CLIENTS)) {
  const s = io(base, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: beacon.token } });
  s.on('connect', () => s.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view }, () => {}));
  s.on('view:delta', (m: { delta: { latest: Record<string, Record<string, { data: { observedAt: string } }>> } }, ack: () => void) => {
    if (measuring) {
      const t = now();
      for (const rec of Object.values(m.delta.latest['rain-gauge'] ?? {})) beaconLat.push(t - Date.parse(rec.data.observedAt));
    }
    ack();
  });
  sockets.push(s);
}
// Snapshots are acknowledged like deltas (protocol 3): the hub sends nothing more until then.
await Promise.all(sockets.map((s) => new Promise<void>((r) => s.once('view:snapshot', (_m: unknown, ack: () => void) => { ack(); r(); }))));
stop = startFeeds(now(), (feed, updates) => {
  const sent = now();
  fetch(`${base}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${beacon.keys[feed]}` },
    body: JSON.stringify({ records: updates }),
  })
    .then(async (res) => {
      const body = await res.arrayBuffer();
      if (!res.ok && failed++ < 3) console.error('ingest refused', res.status, new TextDecoder().decode(body).slice(0, 300));
      if (measuring) ackLat.push(now() - sent);
    })
    .catch((err: unknown) => { if (failed++ < 3) console.error("ingest failed", err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause)}` : err); });
});
await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
beacon.proc.stdin.write('mark\n');
measuring = true;
await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
measuring = false;
const beaconUsage = await serverUsage(beacon);
stop();
await new Promise((r) => setTimeout(r, 500));
sockets.forEach((s) => s.close());
beacon.proc.stdin.write('exit\n');
await new Promise((r) => beacon.proc.once('exit', r));
await db.drop();

const b = report('bare ws', bareLat, bareUsage);
const s = report('beacon', beaconLat, beaconUsage, `; ingest ack p50 ${percentile(ackLat, 50).toFixed(1)} ms p99 ${percentile(ackLat, 99).toFixed(1)} ms; failed requests ${failed}`);
console.log(`  ratio     p50 ${(s.p50 / b.p50).toFixed(2)}×  p99 ${(s.p99 / b.p99).toFixed(2)}× the bare baseline (target: p99 ≤ 1.5×)`);
process.exit(0);
