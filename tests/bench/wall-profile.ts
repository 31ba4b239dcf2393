// Where the loaded wall's renderer main thread spends its time: the wall at 3840×2160 with the simulator
// running (as in wall-frames.bench.ts's loaded rounds), a V8 CPU profile and a timeline trace over the
// same seconds, summed by function (self and inclusive JS time) and by timeline event (script, style,
// layout, paint, GC). A diagnosis, not a benchmark: it prints where the time goes, not a ratio.
// Function names are readable only in an unminified build; build one apart from screen/dist with
//   (cd screen && npx vite build --minify false --outDir /tmp/wall-plain --emptyOutDir)
// and run: BEACON_BENCH_SCREEN_DIR=/tmp/wall-plain npx tsx tests/bench/wall-profile.ts [seconds]
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { closeWall, load, openWall, sleep, startWallServer } from './wall-harness.ts';

const SECONDS = Number(process.argv[2] ?? 30);
const PREFILL_S = Number(process.env.BENCH_FRAMES_PREFILL_S ?? 30);
const WARMUP_S = 10;
const OUT = process.env.BENCH_PROFILE_OUT ?? '/tmp/wall-profile';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }
interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { name?: string } }

const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;

/**
 * Self and inclusive ms per function; a function on the stack twice (recursion) counts once per sample.
 * `within` keeps only the samples taken inside those intervals (µs, the trace's clock: the profile's too).
 */
function summarise(p: Profile, within?: readonly [number, number][]) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    const ms = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    if (within && !within.some(([from, to]) => at >= from && at <= to)) return;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    total += ms;
    self.set(label(node.callFrame), (self.get(label(node.callFrame)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!.callFrame);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
    }
  });
  return { total, self, inclusive };
}

function top(m: Map<string, number>, n: number, per: number) {
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `    ${(ms / per).toFixed(1).padStart(7)} ms/s  ${k}`).join('\n');
}

async function collectTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

const server = await startWallServer();
const browser = await launchChromium();
try {
  await server.send('start 1');
  await sleep(PREFILL_S * 1000);
  const page = await openWall(browser, server);
  await sleep(WARMUP_S * 1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8',
    transferMode: 'ReportEvents',
  } as never);
  await cdp.send('Profiler.start');
  console.log(`profiling /wall for ${SECONDS} s (load ${load()})`);
  await sleep(SECONDS * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const trace = await collectTrace(cdp);
  writeFileSync(`${OUT}.cpuprofile`, JSON.stringify(profile));
  await closeWall(page);

  const s = summarise(profile);
  console.log(`  JS on the main thread: ${(s.total / SECONDS).toFixed(1)} ms/s (${((s.total / SECONDS / 1000) * 100).toFixed(1)}%)`);
  console.log(`  self time, top 30:\n${top(s.self, 30, SECONDS)}`);
  console.log(`  inclusive time, top 60:\n${top(s.inclusive, 60, SECONDS)}`);

  // The renderer's main thread: the thread named CrRendererMain in the page's renderer.
  const main = trace.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = trace.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const byName = new Map<string, number>();
  for (const e of onMain) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
  console.log(`  timeline events on CrRendererMain (inclusive, nested events counted in each), top 25:\n${top(byName, 25, SECONDS)}`);

  // The long tasks (over 50 ms: what the frames bench counts as long frames) and what ran in them.
  const long = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 50_000).map((e): [number, number] => [e.ts, e.ts + e.dur!]);
  const inLong = summarise(profile, long);
  console.log(`  long tasks: ${((long.length / SECONDS) * 60).toFixed(0)}/min, ${(long.reduce((n, [a, b]) => n + b - a, 0) / 1000 / SECONDS).toFixed(1)} ms/s; JS in them, inclusive, top 40:\n${top(inLong.inclusive, 40, SECONDS)}`);
  // Each long task on its own: when (s after the first event), how long, and the timeline events inside it
  // (what the JS summary cannot show: a long task with no JS in it is style, layout, paint or GC).
  const t0 = onMain[0]?.ts ?? 0;
  for (const [from, to] of long) {
    const inside = new Map<string, number>();
    for (const e of onMain) if (e.ts > from && e.ts + e.dur! <= to) inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur! / 1000);
    const parts = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ');
    console.log(`    at ${((from - t0) / 1e6).toFixed(1)} s, ${((to - from) / 1000).toFixed(0)} ms: ${parts}`);
  }
} finally {
  await server.send('stop').catch(() => {});
  await browser.close();
  await server.close();
}
