// Bytes a screen receives per minute, for a city, a district and an incident view, while the simulated
// typhoon runs as `start` runs it (every department, demo intervals, from main.ts's start phase). Counted on each
// screen as socket.io hands it the packets: snapshots and deltas apart, raw and as per-message deflate
// would make them (each message deflated on its own, as without context takeover). A leader's tablet on
// 4G pays this. Since protocol 4 a delta may carry records as patches (the changed fields): each screen
// also applies what it gets and counts what the same delta would have weighed with every record whole —
// the protocol-3 message — so one run gives both, on the same ticks.
// Run: npx -y pnpm@12.21.0 bench:view-bytes   (MEASURE_S, default 120)
import { deflateRawSync } from 'node:zlib';
import { connectDatabase } from '@beacon/db';
import { buildApp } from '@beacon/server';
import { createKioskToken } from '@beacon/server/auth/kiosk.ts';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import {
  applyPatchedDelta,
  departmentIds,
  latestIn,
  PROTOCOL_VERSION,
  resolvePatches,
  viewKey,
  type DepartmentId,
  type LiveState,
  type PatchedDelta,
  type ViewRef,
} from '@beacon/shared';
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
const zero = (): Count => ({ messages: 0, raw: 0, deflated: 0 });
/** A screen's counts: snapshots, deltas as sent, and the same deltas with every record whole; records sent each way. */
interface ScreenCounts { snapshot: Count; delta: Count; wholeDelta: Count; records: { whole: number; patched: number }; outOfStep: number }
const counts = new Map<string, ScreenCounts>();
let measuring = false;

/** Counts one engine.io message packet: its bytes as sent (+ engine.io's "4" message prefix), and deflated alone. */
function count(into: Count, packet: string) {
  into.messages += 1;
  into.raw += Buffer.byteLength(packet) + 1;
  into.deflated += deflateRawSync(`4${packet}`).length;
}

/**
 * The packet a delta would have been with every record whole: the same socket.io header (event type,
 * ack id) and message, its patches turned into records against what the screen held before it.
 */
function wholePacket(packet: string, held: LiveState): string | null {
  const header = packet.slice(0, packet.indexOf('['));
  const [event, message] = JSON.parse(packet.slice(header.length)) as [string, { delta: PatchedDelta }];
  const whole = resolvePatches(held, message.delta);
  return 'outOfStep' in whole ? null : header + JSON.stringify([event, { ...message, delta: whole }]);
}

const sockets = views.map((view) => {
  const c: ScreenCounts = { snapshot: zero(), delta: zero(), wholeDelta: zero(), records: { whole: 0, patched: 0 }, outOfStep: 0 };
  counts.set(viewKey(view), c);
  // The screen's state, as a screen keeps it: patches apply to it, and the whole-record size is reckoned from it.
  let state: LiveState | null = null;
  const s = io(base, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  s.on('connect', () => {
    // engine.io hands over each packet before socket.io decodes it and calls the handlers below: `state` is still the one before it.
    s.io.engine.on('packet', (p: { type: string; data?: unknown }) => {
      if (!measuring || p.type !== 'message' || typeof p.data !== 'string') return;
      if (p.data.includes('"view:snapshot"')) count(c.snapshot, p.data);
      else if (p.data.includes('"view:delta"') && state) {
        count(c.delta, p.data);
        const whole = wholePacket(p.data, state);
        if (whole) count(c.wholeDelta, whole);
      }
    });
    s.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view }, () => {});
  });
  s.on('view:snapshot', (m: { state: LiveState }, ack: () => void) => {
    state = m.state;
    ack();
  });
  s.on('view:delta', (m: { delta: PatchedDelta }, ack?: () => void) => {
    const applied = applyPatchedDelta(state!, m.delta);
    if (applied.outOfStep) {
      // Not expected: counted, and resynchronised as a screen would be.
      c.outOfStep += 1;
      s.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view }, () => {});
      return;
    }
    state = applied.state;
    if (measuring) {
      for (const byId of Object.values(m.delta.latest)) c.records.whole += Object.keys(byId).length;
      for (const byId of Object.values(m.delta.patches ?? {})) c.records.patched += Object.keys(byId).length;
    }
    ack?.();
  });
  return s;
});
measuring = true;
await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
measuring = false;

const perMinute = (bytes: number) => `${((bytes / 1024) * (60 / MEASURE_S)).toFixed(1).padStart(7)} KB/min`;
const ratio = (sent: number, whole: number) => `${(sent / whole).toFixed(2)}×`;
for (const view of views) {
  const c = counts.get(viewKey(view))!;
  console.log(`  ${view.kind.padEnd(9)} deltas ${perMinute(c.delta.raw)} raw, ${perMinute(c.delta.deflated)} deflated (${c.delta.messages} messages); snapshot ${(c.snapshot.raw / 1024).toFixed(1)} KB raw, ${(c.snapshot.deflated / 1024).toFixed(1)} KB deflated`);
  console.log(`  ${''.padEnd(9)} same deltas, records whole ${perMinute(c.wholeDelta.raw)} raw, ${perMinute(c.wholeDelta.deflated)} deflated → changed fields ${ratio(c.delta.raw, c.wholeDelta.raw)} raw, ${ratio(c.delta.deflated, c.wholeDelta.deflated)} deflated; records ${c.records.patched} patched, ${c.records.whole} whole; out of step ${c.outOfStep}`);
}
sockets.forEach((s) => s.close());
await simulator.stop();
await app.close();
await db.close();
await database.drop();
process.exit(0);
