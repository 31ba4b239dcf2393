// Bytes a screen receives per minute, for a city, a district and an incident view, while the simulated
// typhoon runs as `start` runs it (every department, demo intervals, from main.ts's start phase). Counted on each
// screen as socket.io hands it the packets: snapshots and deltas apart, raw and as per-message deflate
// would make them (each message deflated on its own, as without context takeover). A leader's tablet on
// 4G pays this. Run: npx -y pnpm@12.21.0 bench:view-bytes   (MEASURE_S, default 120)
import { deflateRawSync } from 'node:zlib';
import { connectDatabase } from '@beacon/db';
import { buildApp } from '@beacon/server';
import { createKioskToken } from '@beacon/server/auth/kiosk.ts';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { departmentIds, latestIn, PROTOCOL_VERSION, viewKey, type DepartmentId, type ViewRef } from '@beacon/shared';
import { startSimulator } from '@beacon/simulator';
import { io } from 'socket.io-client';
import { benchDatabase } from './bench-database.ts';

const WARMUP_S = Number(process.env.WARMUP_S ?? 30);
const MEASURE_S = Number(process.env.MEASURE_S ?? 120);

const database = await benchDatabase();
const db = connectDatabase(database.url, { max: 8 });
const app = await buildApp({ db, screenDir: null, rateLimit: false }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const keys: Partial<Record<DepartmentId, string>> = {};
for (const department of departmentIds) keys[department] = (await createDepartmentKey(db.sql, department, 'view-bytes bench')).key;
const { token } = await createKioskToken(db.sql, app.tokens, 'view-bytes bench');
// As main.ts starts it.
const simulator = startSimulator({ baseUrl: base, keys, startPhase: 0.3, log: { info: () => {}, warn: () => {} } });

console.log(`view bytes bench: the simulated typhoon, ${WARMUP_S} s warm-up, ${MEASURE_S} s measured per view`);
await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
await app.engine.catchUp();
const incidentId = Object.keys(latestIn(app.engine.state, 'incident'))[0];
if (!incidentId) throw new Error('no incident after the warm-up: nothing for an incident view to watch');
const views: ViewRef[] = [{ kind: 'city' }, { kind: 'district', district: '思明区' }, { kind: 'incident', incidentId }];

interface Count { messages: number; raw: number; deflated: number }
const counts = new Map<string, { snapshot: Count; delta: Count }>();
let measuring = false;
const sockets = views.map((view) => {
  const c = { snapshot: { messages: 0, raw: 0, deflated: 0 }, delta: { messages: 0, raw: 0, deflated: 0 } };
  counts.set(viewKey(view), c);
  const s = io(base, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  s.on('connect', () => {
    s.io.engine.on('packet', (p: { type: string; data?: unknown }) => {
      if (!measuring || p.type !== 'message' || typeof p.data !== 'string') return;
      const kind = p.data.includes('"view:snapshot"') ? c.snapshot : p.data.includes('"view:delta"') ? c.delta : null;
      if (!kind) return;
      kind.messages += 1;
      kind.raw += Buffer.byteLength(p.data) + 1; // + engine.io's "4" (message) prefix
      kind.deflated += deflateRawSync(`4${p.data}`).length;
    });
    s.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view }, () => {});
  });
  s.on('view:snapshot', (_m: unknown, ack: () => void) => ack());
  s.on('view:delta', (_m: unknown, ack: () => void) => ack());
  return s;
});
measuring = true;
await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
measuring = false;

const perMinute = (bytes: number) => `${((bytes / 1024) * (60 / MEASURE_S)).toFixed(1).padStart(7)} KB/min`;
for (const view of views) {
  const c = counts.get(viewKey(view))!;
  console.log(`  ${view.kind.padEnd(9)} deltas ${perMinute(c.delta.raw)} raw, ${perMinute(c.delta.deflated)} deflated (${c.delta.messages} messages); snapshot ${(c.snapshot.raw / 1024).toFixed(1)} KB raw, ${(c.snapshot.deflated / 1024).toFixed(1)} KB deflated`);
}
sockets.forEach((s) => s.close());
await simulator.stop();
await app.close();
await db.close();
await database.drop();
process.exit(0);
