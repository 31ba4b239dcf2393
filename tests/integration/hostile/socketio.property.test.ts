import fc from 'fast-check';
import { PROTOCOL_VERSION, xiamen } from '@beacon/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOTYPE_NAMES, departmentOf, expectIssues, hostileParams, hostileTimeout, hostileString, hostileTime, hostileValue, materialize, preview, prototypeName,
  startHostileServer, validTemplate, wrongType, type HostileServer, type RecordTemplate,
} from '../../support/hostile-input.ts';

// socket.io, both namespaces, every credential a screen holds: generated event names (prototype
// names and socket.io's reserved names included) and payloads, interleaved with valid subscribes,
// replay requests and records arriving over HTTP. Every event is answered (ok, or an error with
// issues that is never BEACON_INTERNAL), the socket stays connected, and the watching screen ends
// equal to the log.

let h: HostileServer;
const sockets: Socket[] = [];
let live: Socket;
let liveDuty: Socket;
let replay: Socket;

async function connect(namespace: string, token: string): Promise<Socket> {
  const s = io(`${h.server.baseUrl}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

beforeAll(async () => {
  h = await startHostileServer('socketio');
  live = await connect('', h.server.wallToken);
  liveDuty = await connect('', h.server.tokens.duty);
  replay = await connect('/replay', h.server.tokens.commander);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await h?.close();
});

/** socket.io's default maxHttpBufferSize, which Beacon keeps. */
const SOCKET_IO_MAX_PACKET_BYTES = 1e6;
const RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'error'];
const KNOWN = ['view:subscribe', 'replay:open', 'replay:seek', 'replay:play', 'replay:pause'];
const eventName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 2, arbitrary: prototypeName },
  { weight: 1, arbitrary: fc.constantFrom(...RESERVED) },
  { weight: 1, arbitrary: hostileString.filter((s) => s.length < 1000) },
);
const district = fc.constantFrom(...xiamen.districts.features.map((f) => f.properties.name));
const time = fc.oneof(hostileTime().map(String), fc.constant(new Date(Date.now() - 3600_000).toISOString()));
const payload = fc.oneof(
  hostileValue,
  fc.record({
    protocol: fc.oneof(fc.constant(PROTOCOL_VERSION), wrongType),
    view: fc.oneof(
      hostileValue,
      fc.record({ kind: fc.oneof(fc.constantFrom('city', 'district', 'subdistrict', 'incident'), prototypeName), district: fc.oneof(district, hostileString), subdistrict: hostileString, incidentId: fc.oneof(prototypeName, hostileString) }, { requiredKeys: ['kind'] }),
    ),
    since: fc.oneof(fc.integer(), wrongType),
    from: time, to: time, at: time,
    speed: fc.oneof(fc.constantFrom(1, 10, 60, 600), wrongType),
  }, { requiredKeys: [] }),
  fc.dictionary(prototypeName, hostileValue, { maxKeys: 3 }),
);

type Step =
  | { kind: 'hostile'; socket: 0 | 1 | 2; event: string; payload: unknown; args: number }
  | { kind: 'subscribe'; view: { kind: 'city' } | { kind: 'district'; district: string } }
  | { kind: 'replay'; minutes: number }
  | { kind: 'record'; template: RecordTemplate };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('hostile' as const), socket: fc.constantFrom(0 as const, 1 as const, 2 as const), event: eventName, payload, args: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('subscribe' as const), view: fc.oneof(fc.constant({ kind: 'city' as const }), district.map((d) => ({ kind: 'district' as const, district: d }))) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), minutes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('record' as const), template: validTemplate(['rain-gauge', 'incident', 'rescue-team', 'shelter', 'weather-warning']) }) },
);

type Answer = { ok: boolean; error?: { code: string; message: string; issues: unknown[] } };

/** Emits with an ack, reserved names included (through the client's packet writer, as a hostile client would). */
function emit(socket: Socket, event: string, args: unknown[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${preview(event)} within 10 s`)), 10_000);
    const ack = (answer: Answer) => {
      clearTimeout(timer);
      resolve(answer);
    };
    const s = socket as unknown as { ids: number; acks: Record<number, (a: Answer) => void>; packet(p: object): void; nsp: string };
    const id = s.ids++;
    s.acks[id] = ack;
    s.packet({ type: 2, data: [event, ...args], id, nsp: s.nsp });
  });
}

async function run(st: Step): Promise<void> {
  switch (st.kind) {
    case 'hostile': {
      const socket = [live, liveDuty, replay][st.socket]!;
      const args = Array.from({ length: st.args }, () => st.payload);
      const context = `${['wall /', 'duty /', 'commander /replay'][st.socket]} ${preview(st.event, 80)}(${preview(args, 300)})`;
      // socket.io closes a connection whose packet is over its maxHttpBufferSize (1 MB by default)
      // before any handler sees it: like a reserved name, a protocol refusal rather than an answer.
      const oversize = Buffer.byteLength(JSON.stringify([st.event, ...args]), 'utf8') > SOCKET_IO_MAX_PACKET_BYTES;
      if ((RESERVED.includes(st.event) && st.event !== 'error') || oversize) {
        // socket.io's parser refuses packets naming its reserved events and closes that connection
        // (its guard against spoofed "disconnect"s): a protocol error, not an answer. The server
        // must stay up and take the client back.
        const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
        void emit(socket, st.event, args).catch(() => {});
        await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
        h.count('hostile', 'refused');
        if (!socket.connected) {
          const again = await connect(st.socket === 2 ? '/replay' : '', [h.server.wallToken, h.server.tokens.duty, h.server.tokens.commander][st.socket]!);
          if (st.socket === 0) live = again;
          else if (st.socket === 1) liveDuty = again;
          else replay = again;
        }
        return;
      }
      const answer = await emit(socket, st.event, args).catch((e: Error) => {
        throw new Error(`${context}: ${e.message} (socket ${socket.connected ? 'connected' : 'disconnected'})`);
      });
      expect(typeof answer?.ok, `${context}: ${preview(answer)}`).toBe('boolean');
      if (!answer.ok) {
        expect(answer.error?.code, `${context}: ${preview(answer)}`).not.toBe('BEACON_INTERNAL');
        expectIssues(answer.error, context);
      }
      expect(socket.connected, `${context}: the socket stays connected`).toBe(true);
      h.count('hostile', answer.ok ? 'ok' : 'refused');
      if (!(KNOWN as string[]).includes(st.event) && !(PROTOTYPE_NAMES as readonly string[]).includes(st.event)) expect(answer.ok, `${context}: unknown events are refused`).toBe(false);
      if ((PROTOTYPE_NAMES as readonly string[]).includes(st.event) || RESERVED.includes(st.event)) expect(answer.ok, `${context}: not an event of the protocol`).toBe(false);
      return;
    }
    case 'subscribe': {
      const answer = await emit(liveDuty, 'view:subscribe', [{ protocol: PROTOCOL_VERSION, view: st.view }]);
      h.count('valid', answer.ok ? 'ok' : 'refused');
      expect(answer, `subscribe ${preview(st.view)}`).toMatchObject({ ok: true });
      return;
    }
    case 'replay': {
      const to = Date.now();
      const answer = await emit(replay, 'replay:open', [{ protocol: PROTOCOL_VERSION, from: new Date(to - st.minutes * 60_000).toISOString(), to: new Date(to).toISOString() }]);
      h.count('valid', answer.ok ? 'ok' : 'refused');
      expect(answer, `replay:open ${st.minutes} min`).toMatchObject({ ok: true });
      return;
    }
    case 'record': {
      const category = st.template.category;
      const record = materialize(st.template, h.stamps.next());
      const res = await fetch(`${h.server.baseUrl}/api/v1/ingest/${category}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await h.keyOf(departmentOf(category))}` },
        body: JSON.stringify({ records: [record] }),
      });
      const body = await res.json();
      h.count('valid', res.status < 400 ? 'ok' : 'refused');
      expect(res.status, `${category} ${preview(body)}`).toBe(200);
      h.acknowledged(body, `record ${category}`);
      return;
    }
  }
}

describe('socket.io under generated hostile events (fast-check)', () => {
  it('answers every event (names included) with ok or an error with issues, and keeps every socket connected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await run(s);
      }),
      hostileParams('socketio', 60),
    );
  }, hostileTimeout());

  it('ends with every acknowledged record in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
