// The feeds of the fan-out benchmark, in their own process: the screens' process decodes thousands of
// messages a second at the larger steps, and feeds sharing its event loop were sent late (at 5,000
// screens a 100 ms batch held 1,065 records: the timer had fired seconds late). Open loop: update k is
// due at t0 + k/RATE s whatever happened before. Mode "bare": one ws to the baseline server. Mode
// "beacon": HTTP batches, one department key per feed. Answers "mark", "report" and "exit" on stdin.
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { xiamen } from '@beacon/shared';
import WebSocket from 'ws';
import { percentile } from './bench-database.ts';

const [mode, port, keysJson] = process.argv.slice(2);
const keys = JSON.parse(keysJson ?? '[]') as string[];
const RATE = Number(process.env.RATE ?? 2000);
const FEEDS = 17;
const SEND_EVERY_MS = 100;
const gauges = xiamen.rainGauges;
const now = () => performance.timeOrigin + performance.now();

type Update = { stationId: string; observedAt: string; rainfall1hMm: number };

function startFeeds(t0: number, send: (feed: number, updates: Update[]) => void) {
  // Feed f owns updates k ≡ f (mod FEEDS). Feeds are staggered across the send interval, as 17
  // independent departments would be, so arrival bursts do not line up with the server's tick by luck.
  const next = Array.from({ length: FEEDS }, (_, f) => f);
  const timers: NodeJS.Timeout[] = [];
  for (let feed = 0; feed < FEEDS; feed++) {
    setTimeout(() => {
      timers.push(
        setInterval(() => {
          const due = Math.floor(((now() - t0) / 1000) * RATE);
          const batch: Update[] = [];
          for (let k = next[feed]!; k < due; k += FEEDS) {
            const g = gauges[k % gauges.length]!;
            batch.push({ stationId: g.id, observedAt: new Date(t0 + (k * 1000) / RATE).toISOString(), rainfall1hMm: (k % 900) / 10 });
            next[feed] = k + FEEDS;
          }
          if (batch.length) send(feed, batch);
        }, SEND_EVERY_MS),
      );
    }, (feed * SEND_EVERY_MS) / FEEDS);
  }
}

let ackLat: number[] = [];
let failed = 0;
let mark = process.cpuUsage();
if (mode === 'bare') {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/`);
  await new Promise((r) => socket.once('open', r));
  startFeeds(now(), (_feed, updates) => socket.send(JSON.stringify(updates)));
} else {
  const base = `http://127.0.0.1:${port}`;
  startFeeds(now(), (feed, updates) => {
    const sent = now();
    fetch(`${base}/api/v1/ingest/rain-gauge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[feed]}` },
      body: JSON.stringify({ records: updates }),
    })
      .then(async (res) => {
        const body = await res.arrayBuffer();
        if (!res.ok && failed++ < 3) console.error('ingest refused', res.status, new TextDecoder().decode(body).slice(0, 300));
        ackLat.push(now() - sent);
      })
      .catch((err: unknown) => {
        if (failed++ < 3) console.error('ingest failed', err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause)}` : err);
      });
  });
}
console.log('started');

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'mark') {
    ackLat = [];
    failed = 0;
    mark = process.cpuUsage();
  }
  if (line === 'report') {
    const cpu = process.cpuUsage(mark);
    console.log(JSON.stringify({ ackP50: percentile(ackLat, 50), ackP99: percentile(ackLat, 99), failed, cpuMs: (cpu.user + cpu.system) / 1000 }));
  }
  if (line === 'exit') process.exit(0);
});
