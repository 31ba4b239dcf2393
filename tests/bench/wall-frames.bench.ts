// Frame time on /wall at 3840×2160 in Chromium with the simulated typhoon feeding all 17 departments
// at main.ts's rate, next to the same wall with no data flowing (its own server, empty database,
// no simulator: every panel and the map drawn with empty series). Rounds alternate baseline, loaded,
// baseline, loaded…; the simulator runs only during loaded rounds, so a baseline round does not pay
// for the server's ingest. Frame time is the delta between requestAnimationFrame callbacks, long
// frames come from a PerformanceObserver ('long-animation-frame', else 'longtask'), both collected in
// the page by an init script. Needs a built screen.
// Run: npx -y pnpm@12.21.0 bench:wall-frames   (BENCH_FRAMES_SECONDS=20 BENCH_FRAMES_ROUNDS=2 for a quick run)
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { median, percentile } from './bench-database.ts';
import { closeWall, load, openWall, requireBuiltScreen, sleep, startWallServer, type ServerUsage, type WallServer } from './wall-harness.ts';

const SECONDS = Number(process.env.BENCH_FRAMES_SECONDS ?? 60);
const ROUNDS = Number(process.env.BENCH_FRAMES_ROUNDS ?? 3);
const WARMUP_S = Number(process.env.BENCH_FRAMES_WARMUP_S ?? 10);
/** The simulator runs this long before the first loaded round, so that wall opens on a storm in progress. */
const PREFILL_S = Number(process.env.BENCH_FRAMES_PREFILL_S ?? 30);

// Runs before the app's own scripts. The rAF loop keeps Chromium producing frames, as a wall with a
// clock and live charts does anyway; deltas are kept only while measuring.
const COLLECTOR = `(() => {
  const b = (window.__bench = { on: false, onAt: 0, frames: [], long: [], type: null });
  let last = -1;
  const loop = (t) => { if (b.on && last >= 0) b.frames.push(t - last); last = t; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  const types = PerformanceObserver.supportedEntryTypes || [];
  b.type = types.includes('long-animation-frame') ? 'long-animation-frame' : types.includes('longtask') ? 'longtask' : null;
  if (b.type) new PerformanceObserver((list) => {
    if (b.on) for (const e of list.getEntries()) b.long.push({
      duration: e.duration, blocking: e.blockingDuration || 0, at: e.startTime - b.onAt,
      // Where the frame went (long-animation-frame only): its scripts, and its style/layout/paint after renderStart.
      render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
      scripts: (e.scripts || []).map((s) => s.invokerType + ' ' + s.invoker + ' ' + (s.sourceFunctionName || '?') + ' ' + Math.round(s.duration) + ' ms'),
    });
  }).observe({ type: b.type });
})();`;

interface LongFrame { duration: number; blocking: number; at: number; render: number; scripts: string[] }
interface BenchWindow { __bench: { on: boolean; onAt: number; frames: number[]; long: LongFrame[]; type: string | null } }
interface Round { long: LongFrame[]; p50: number; p95: number; p99: number; fps: number; longPerMin: number; blockingMsPerMin: number; busy: number; server: ServerUsage; seqFrom: number; type: string | null; shown: { seq: number; rows: number } }

async function mainThreadMs(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  const from = await task();
  return async () => (await task()) - from;
}

async function round(browser: Browser, server: WallServer, loaded: boolean): Promise<Round> {
  if (loaded) await server.send('start 1');
  const page = await openWall(browser, server, [COLLECTOR]);
  await sleep(WARMUP_S * 1000);
  const { seq: seqFrom } = await server.send('mark');
  const busy = await mainThreadMs(page);
  await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    bench.onAt = performance.now();
    bench.on = true;
  });
  await sleep(SECONDS * 1000);
  const b = await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    bench.on = false;
    return bench;
  });
  const busyMs = await busy();
  // What the wall shows, so a "loaded" round that drew nothing would be seen: its seq and ranking rows.
  const shown = { seq: Number(await page.getByTestId('wall').getAttribute('data-seq')), rows: await page.getByTestId('rain-ranking-row').count() };
  const usage = await server.send('report');
  if (loaded) await server.send('stop');
  await closeWall(page);
  const minutes = SECONDS / 60;
  return {
    long: b.long, p50: percentile(b.frames, 50), p95: percentile(b.frames, 95), p99: percentile(b.frames, 99),
    fps: b.frames.length / SECONDS,
    longPerMin: b.long.length / minutes,
    blockingMsPerMin: b.long.reduce((s, e) => s + e.blocking, 0) / minutes,
    busy: busyMs / (SECONDS * 1000),
    server: usage, seqFrom, type: b.type, shown,
  };
}

/** Each long frame of a round: when in the measured window, how long, its render part and its scripts. */
function longFrames(r: Round): string {
  return r.long.map((f) => `\n      long frame at ${(f.at / 1000).toFixed(1)} s: ${f.duration.toFixed(0)} ms (blocking ${f.blocking.toFixed(0)}, render ${f.render.toFixed(0)}); ${f.scripts.join('; ') || 'no script'}`).join('');
}

function line(label: string, r: Omit<Round, 'server' | 'seqFrom' | 'type' | 'shown' | 'long'>) {
  const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;
  return `${label.padEnd(22)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  ${r.fps.toFixed(1).padStart(4)} fps  long frames ${r.longPerMin.toFixed(1).padStart(5)}/min (blocking ${r.blockingMsPerMin.toFixed(0)} ms/min)  renderer main thread ${(r.busy * 100).toFixed(0)}% busy`;
}

function medians(rounds: Round[]) {
  const m = (k: 'p50' | 'p95' | 'p99' | 'fps' | 'longPerMin' | 'blockingMsPerMin' | 'busy') => median(rounds.map((r) => r[k]));
  return { p50: m('p50'), p95: m('p95'), p99: m('p99'), fps: m('fps'), longPerMin: m('longPerMin'), blockingMsPerMin: m('blockingMsPerMin'), busy: m('busy') };
}

requireBuiltScreen();
const browser = await launchChromium();
console.log(`wall frames bench: /wall at 3840×2160 in Chromium ${browser.version()} (--disable-gpu: software raster), ${ROUNDS} interleaved rounds of ${WARMUP_S} s warm-up + ${SECONDS} s measured; load ${load()}`);
const baselineServer = await startWallServer();
const loadedServer = await startWallServer();
await loadedServer.send(`start 1`);
await sleep(PREFILL_S * 1000);
await loadedServer.send('stop');

const baseline: Round[] = [];
const loaded: Round[] = [];
try {
  for (let i = 1; i <= ROUNDS; i++) {
    const b = await round(browser, baselineServer, false);
    baseline.push(b);
    console.log(`  ${line(`round ${i} baseline`, b)}  load ${load()}; wall at seq ${b.shown.seq}, ${b.shown.rows} ranking rows${longFrames(b)}`);
    const l = await round(browser, loadedServer, true);
    loaded.push(l);
    const cpu = (l.server.cpuMs / (SECONDS * 1000)) * 100;
    console.log(`  ${line(`round ${i} loaded`, l)}  load ${load()}; server ${cpu.toFixed(0)}% of a core, ${((l.server.seq - l.seqFrom) / SECONDS).toFixed(1)} events/s; wall at seq ${l.shown.seq}, ${l.shown.rows} ranking rows${longFrames(l)}`);
  }
} finally {
  await browser.close();
  await baselineServer.close();
  await loadedServer.close();
}

const type = loaded[0]?.type ?? null;
if (type !== 'long-animation-frame') console.log(`  note: long frames counted with ${type ? `'${type}' (this Chromium lacks 'long-animation-frame')` : 'nothing: neither entry type is supported'}`);
const [mb, ml] = [medians(baseline), medians(loaded)];
console.log(`  ${line('baseline, empty wall', mb)}  (median of ${baseline.length})`);
console.log(`  ${line('loaded, simulator', ml)}  (median of ${loaded.length})`);
console.log(`  ratio p95 ${(ml.p95 / mb.p95).toFixed(2)}× (target ≤ 1.25×), p99 ${(ml.p99 / mb.p99).toFixed(2)}×, p50 ${(ml.p50 / mb.p50).toFixed(2)}×; long frames ${ml.longPerMin.toFixed(1)} vs ${mb.longPerMin.toFixed(1)} per minute`);
