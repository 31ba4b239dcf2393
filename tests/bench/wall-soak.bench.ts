// Soak: the wall at 3840×2160 in Chromium for BENCH_SOAK_MINUTES (default 60) with the simulated
// typhoon sped up BENCH_SOAK_SPEEDUP× (default 60: a storm pass every 30 s instead of 30 min, every
// feed interval divided by 60 but none under the hub's 100 ms tick — see wall-server.ts). Every
// BENCH_SOAK_SAMPLE_S (default 60) s, after a forced GC: JS heap used, DOM nodes (live, incl.
// detached) and elements in the document, JS event listeners, live timers (setTimeout/setInterval
// wrapped by an init script), and the server's RSS. Baseline: the same samples on an idle wall (own
// server, empty database, no simulator) for BENCH_SOAK_CONTROL_MINUTES (default 5), run first.
// Needs a built screen. Run: npx -y pnpm@12.21.0 bench:wall-soak   (BENCH_SOAK_MINUTES=5 for a quick run)
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { closeWall, load, openWall, requireBuiltScreen, sleep, startWallServer } from './wall-harness.ts';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 60);
const SPEEDUP = Number(process.env.BENCH_SOAK_SPEEDUP ?? 60);
const SAMPLE_S = Number(process.env.BENCH_SOAK_SAMPLE_S ?? 60);
const CONTROL_MINUTES = Number(process.env.BENCH_SOAK_CONTROL_MINUTES ?? Math.min(5, MINUTES));
const WARMUP_S = Number(process.env.BENCH_SOAK_WARMUP_S ?? 30);

// Runs before the app's scripts: counts timers that are still to fire (timeouts) or not cleared
// (intervals). Timeouts and intervals share ids in browsers, and either clear call clears either.
const TIMER_COUNTER = `(() => {
  const timeouts = new Set(), intervals = new Set();
  const st = window.setTimeout, si = window.setInterval, ct = window.clearTimeout, ci = window.clearInterval;
  window.setTimeout = function (fn, ms, ...args) {
    if (typeof fn !== 'function') return st(fn, ms, ...args);
    const id = st(function (...a) { timeouts.delete(id); return fn.apply(this, a); }, ms, ...args);
    timeouts.add(id);
    return id;
  };
  window.setInterval = function (fn, ms, ...args) {
    const id = si(fn, ms, ...args);
    intervals.add(id);
    return id;
  };
  window.clearTimeout = function (id) { timeouts.delete(id); intervals.delete(id); return ct(id); };
  window.clearInterval = function (id) { timeouts.delete(id); intervals.delete(id); return ci(id); };
  window.__timers = () => ({ timeouts: timeouts.size, intervals: intervals.size });
})();`;

interface Sample { at: number; heapMB: number; nodes: number; elements: number; listeners: number; timeouts: number; intervals: number; seq: number; serverRssMB: number; serverHeapMB: number }
const KEYS = ['heapMB', 'nodes', 'elements', 'listeners', 'timeouts', 'intervals'] as const;

async function sample(page: Page, cdp: CDPSession, server: () => Promise<{ rssMB: number; heapMB: number }>, t0: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const inPage = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    seq: Number(document.querySelector('[data-testid="wall"]')?.getAttribute('data-seq') ?? NaN),
    ...(window as unknown as { __timers(): { timeouts: number; intervals: number } }).__timers(),
  }));
  return {
    at: (Date.now() - t0) / 60_000,
    heapMB: metrics.get('JSHeapUsedSize')! / 1e6,
    nodes: metrics.get('Nodes')!,
    listeners: metrics.get('JSEventListeners')!,
    ...(({ rssMB, heapMB }) => ({ serverRssMB: rssMB, serverHeapMB: heapMB }))(await server()),
    ...inPage,
  };
}

function show(s: Sample): string {
  return `t ${s.at.toFixed(1).padStart(5)} min  heap ${s.heapMB.toFixed(1).padStart(6)} MB  nodes ${String(s.nodes).padStart(6)} (elements ${String(s.elements).padStart(5)})  listeners ${String(s.listeners).padStart(5)}  timers ${s.timeouts} timeouts / ${s.intervals} intervals  wall seq ${s.seq}  server RSS ${s.serverRssMB.toFixed(0)} MB, heap after GC ${s.serverHeapMB.toFixed(0)} MB  load ${load()}`;
}

/** Least-squares slope, per hour. */
function slopePerHour(samples: Sample[], key: (typeof KEYS)[number]): number {
  const n = samples.length;
  if (n < 2) return NaN;
  const mx = samples.reduce((a, s) => a + s.at, 0) / n;
  const my = samples.reduce((a, s) => a + s[key], 0) / n;
  const num = samples.reduce((a, s) => a + (s.at - mx) * (s[key] - my), 0);
  const den = samples.reduce((a, s) => a + (s.at - mx) ** 2, 0);
  return (num / den) * 60;
}

async function run(browser: Browser, label: string, minutes: number, speed: number | null): Promise<Sample[]> {
  const server = await startWallServer();
  try {
    if (speed) await server.send(`start ${speed}`);
    const page = await openWall(browser, server, [TIMER_COUNTER]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await sleep(WARMUP_S * 1000);
    const t0 = Date.now();
    const samples: Sample[] = [];
    // A server that dies mid-soak is a finding, not the end of the page's figures: keep sampling the wall.
    let serverDied = false;
    const serverMemory = async () => {
      try {
        return await server.send('report');
      } catch (e) {
        if (!serverDied) console.log(`    SERVER DIED: ${(e as Error).message}`);
        serverDied = true;
        return { rssMB: NaN, heapMB: NaN };
      }
    };
    console.log(`  ${label}:`);
    for (;;) {
      const s = await sample(page, cdp, serverMemory, t0);
      samples.push(s);
      console.log(`    ${show(s)}`);
      if (Date.now() - t0 >= minutes * 60_000 - 1000) break;
      await sleep(Math.min(SAMPLE_S * 1000, t0 + minutes * 60_000 - Date.now()));
    }
    const warnings = serverDied ? 0 : (await server.send('report')).warnings;
    if (warnings) console.log(`    (the simulator logged ${warnings} delivery warnings)`);
    await closeWall(page);
    return samples;
  } finally {
    await server.close();
  }
}

function summary(label: string, samples: Sample[]) {
  const [a, z] = [samples[0]!, samples.at(-1)!];
  const half = samples.filter((s) => s.at >= z.at / 2);
  const fmt = (k: (typeof KEYS)[number], x: number) => (k === 'heapMB' ? `${x.toFixed(1)} MB` : x.toFixed(k === 'timeouts' || k === 'intervals' ? 1 : 0));
  console.log(`  ${label} (${samples.length} samples over ${z.at.toFixed(1)} min):`);
  for (const k of KEYS) {
    console.log(`    ${k.padEnd(10)} ${fmt(k, a[k]).padStart(9)} → ${fmt(k, z[k]).padStart(9)}   slope ${fmt(k, slopePerHour(samples, k)).padStart(9)}/h (second half ${fmt(k, slopePerHour(half, k))}/h)`);
  }
  // RSS includes what V8 keeps reserved after collecting; the heap after a forced GC is what is live.
  console.log(`    server RSS ${a.serverRssMB.toFixed(0)} MB → ${z.serverRssMB.toFixed(0)} MB, live heap ${a.serverHeapMB.toFixed(0)} MB → ${z.serverHeapMB.toFixed(0)} MB; wall seq ${a.seq} → ${z.seq}`);
}

requireBuiltScreen();
const browser = await launchChromium();
console.log(`wall soak bench: /wall at 3840×2160 in Chromium ${browser.version()}, ${WARMUP_S} s warm-up then a sample every ${SAMPLE_S} s (after a forced GC); control ${CONTROL_MINUTES} min idle, soak ${MINUTES} min with the simulator at ${SPEEDUP}× (storm pass ${(30 / SPEEDUP).toFixed(2)} min, intervals ÷${SPEEDUP}, none under 100 ms); load ${load()}`);
let control: Sample[] = [];
let soak: Sample[] = [];
try {
  control = await run(browser, 'control: idle wall, empty database, no simulator', CONTROL_MINUTES, null);
  soak = await run(browser, `soak: simulator at ${SPEEDUP}×`, MINUTES, SPEEDUP);
} finally {
  await browser.close();
}
summary('control, idle wall', control);
summary(`soak, ${SPEEDUP}×`, soak);
const growth = (k: (typeof KEYS)[number]) => slopePerHour(soak, k) - slopePerHour(control, k);
console.log(`  soak minus control, per hour: heap ${growth('heapMB').toFixed(1)} MB, nodes ${growth('nodes').toFixed(0)}, listeners ${growth('listeners').toFixed(0)}, timeouts ${growth('timeouts').toFixed(1)}, intervals ${growth('intervals').toFixed(1)}`);
