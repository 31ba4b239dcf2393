// The large run of issue #13's hostile-input properties: every transport's property file under
// tests/integration/hostile/ with enough runs for ≥ 10,000 inputs each (a run is 1–4 inputs), the
// same fixed seed, the same checks (no 5xx, refusals with issues, acknowledged records in the log
// once and on the screen, no error line in the server log). Prints each transport's counts.
//
//   npx -y pnpm@12.21.0 bench:hostile
//   HOSTILE_RUNS=400 HOSTILE_ONLY=mqtt,cap npx -y pnpm@12.21.0 bench:hostile   (smaller, some transports)
//   HOSTILE_SEED=7 …                                                           (another seed)
//
// Uses the PostgreSQL at DATABASE_URL, or an embedded one (as the tests do), and the MQTT broker at
// MQTT_URL / 127.0.0.1:1883, or an embedded one.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';

const TRANSPORTS = ['http-ingest', 'ws-stream', 'mqtt', 'cap', 'socketio', 'sign-in', 'commands', 'replay', 'audit'];
const TARGET = 10_000;
const only = process.env.HOSTILE_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const transports = only?.length ? TRANSPORTS.filter((t) => only.includes(t)) : TRANSPORTS;
// A run averages 2.5 inputs; 4,400 runs give ≥ 10,000 inputs per transport with margin.
process.env.HOSTILE_RUNS ??= '4400';
process.env.HOSTILE_SEED ??= '1313';
const report = join(mkdtempSync(join(tmpdir(), 'beacon-hostile-')), 'counts.jsonl');
process.env.HOSTILE_REPORT = report;

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
console.log(`hostile-input bench: seed ${process.env.HOSTILE_SEED}, ${process.env.HOSTILE_RUNS} runs per property, transports: ${transports.join(', ')}`);
const started = Date.now();
const vitest = await startVitest('test', transports.map((t) => `tests/integration/hostile/${t}.property.test.ts`), {
  root,
  project: 'integration',
  run: true,
  watch: false,
  reporters: ['default'],
  // The property files set their own (long) limit when HOSTILE_RUNS is set; hooks start servers.
  hookTimeout: 300_000,
});
await vitest?.close();
const seconds = (Date.now() - started) / 1000;

const rows = existsSync(report)
  ? readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { transport: string; inputs: number; hostile: number; valid: number; refused: number; acknowledged: number })
  : [];
console.log(`\nhostile-input bench, seed ${process.env.HOSTILE_SEED}, ${seconds.toFixed(0)} s`);
console.log('transport      inputs   hostile    valid  refused  acknowledged records  ≥ 10,000?');
let short = 0;
for (const t of transports) {
  const r = rows.find((x) => x.transport === t);
  if (!r) {
    console.log(`${t.padEnd(12)}  (no counts: the file did not reach its final check)`);
    short += 1;
    continue;
  }
  const enough = r.inputs >= TARGET;
  if (!enough) short += 1;
  console.log(`${t.padEnd(12)} ${String(r.inputs).padStart(7)} ${String(r.hostile).padStart(9)} ${String(r.valid).padStart(8)} ${String(r.refused).padStart(8)} ${String(r.acknowledged).padStart(13)}          ${enough ? 'yes' : 'no (a property failed early, or runs too few)'}`);
}
const failed = vitest ? vitest.state.getCountOfFailedTests() : 1;
console.log(`\n${failed} failed check(s); ${short} transport(s) short of ${TARGET.toLocaleString('en')} inputs`);
process.exit(failed || short ? 1 : 0);
