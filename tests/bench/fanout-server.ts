// The server side of the fan-out benchmark, in its own process so its CPU and memory are its own.
// Mode "beacon": the real app on a database. Mode "bare": a bare ws broadcast of the same updates,
// coalesced into frames on the same tick — the baseline. Prints {port, keys} once ready; answers
// "mark" and "report" lines on stdin with CPU and RSS since the mark.
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer, WebSocket } from 'ws';
import { connectDatabase } from '@beacon/db';
import { buildApp } from '@beacon/server';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { createKioskToken } from '@beacon/server/auth/kiosk.ts';
import { benchIncidents, stationsInView } from './fanout-views.ts';

const [mode, url] = process.argv.slice(2);
const TICK_MS = 100;
let mark = process.cpuUsage();
// How long the event loop was held (a timer due every 10 ms, late by this much): a tick, a GC pause or a
// burst of requests that holds the loop delays every update behind it, on every screen.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

if (mode === 'beacon' || mode === 'beacon-append-lock') {
  const db = connectDatabase(url!, { max: 8 });
  // Benchmarks push one department far past its production rate limit on purpose: measure throughput, not the limiter.
  const app = await buildApp({ db, screenDir: null, hub: { tickMs: TICK_MS }, rateLimit: false, appendLock: mode === 'beacon-append-lock' }, {
    // BENCH_LOG=error (or another level): the server's log on stderr, to see why a request failed.
    logger: process.env.BENCH_LOG ? { level: process.env.BENCH_LOG, stream: process.stderr } : false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const keys: string[] = [];
  for (let i = 0; i < 17; i++) keys.push((await createDepartmentKey(db.sql, 'meteorology', `bench-feed-${i}`)).key);
  // The incidents that incident views watch, sent as the emergency bureau would.
  const port = (app.server.address() as { port: number }).port;
  const emergency = (await createDepartmentKey(db.sql, 'emergency', 'bench')).key;
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/ingest/incident`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${emergency}` }, body: JSON.stringify({ records: benchIncidents }),
  });
  if (!res.ok) throw new Error(`bench incidents refused: ${await res.text()}`);
  await app.engine.catchUp();
  // Screens are walls: each presents a kiosk token at the handshake, as in production.
  const wall = await createKioskToken(db.sql, app.tokens, 'fan-out bench');
  console.log(JSON.stringify({ port, keys, token: wall.token }));
} else {
  // The same frames Beacon sends: per view, the stations of that view that changed since the last tick.
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const latest = new Map<string, unknown>();
  const changed = new Set<string>();
  const groups = new Map<string, Set<WebSocket>>();
  wss.on('connection', (socket, req) => {
    const view = new URL(req.url ?? '/', 'http://x').searchParams.get('view');
    if (!view) {
      socket.on('message', (data) => {
        for (const u of JSON.parse(String(data)) as { stationId: string }[]) {
          latest.set(u.stationId, u);
          changed.add(u.stationId);
        }
      });
      return;
    }
    let group = groups.get(view);
    if (!group) groups.set(view, (group = new Set()));
    group.add(socket);
    socket.on('close', () => group!.delete(socket));
  });
  setInterval(() => {
    if (changed.size === 0) return;
    for (const [view, members] of groups) {
      const stations = stationsInView(view);
      const frame: Record<string, unknown> = {};
      for (const id of changed) if (stations.has(id)) frame[id] = latest.get(id);
      if (Object.keys(frame).length === 0) continue;
      const text = JSON.stringify({ latest: frame });
      for (const c of members) if (c.readyState === WebSocket.OPEN) c.send(text);
    }
    changed.clear();
  }, TICK_MS);
  await new Promise((r) => wss.once('listening', r));
  console.log(JSON.stringify({ port: (wss.address() as { port: number }).port, keys: [], token: '' }));
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'mark') {
    mark = process.cpuUsage();
    loopDelay.reset();
  }
  if (line === 'report') {
    const cpu = process.cpuUsage(mark);
    const loop = { loopP99Ms: loopDelay.percentile(99) / 1e6, loopMaxMs: loopDelay.max / 1e6 };
    console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, rssMB: process.memoryUsage().rss / 1e6, ...loop }));
  }
  if (line === 'exit') process.exit(0);
});
