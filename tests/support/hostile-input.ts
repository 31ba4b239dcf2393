// Hostile input for every entry point (issue #13): one set of generators and one set of checks,
// shared by the property files under tests/integration/hostile/ and by tests/bench/hostile-input.bench.ts.
//
// Every property file starts one real server (startHostileServer), feeds it generated hostile input
// interleaved with valid records, checks every answer (checkAnswer), and ends on the same truth
// (HostileServer.finish): the acknowledged valid records are in the log exactly once, a watching
// screen equals the log, the server still answers, and its log holds no error-level line.
import { appendFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { categories, categoryList, xiamen, type DepartmentId } from '@beacon/shared';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { generateRecords } from '@beacon/simulator';
import type { BeaconOptions } from '@beacon/server';
import { expect } from 'vitest';
import { expectScreensMatchLog } from './log-truth.ts';
import { watch, type WatchingClient } from './socket-client.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { startTestServer, type TestServer } from './test-server.ts';

// ---------------------------------------------------------------------------------------------
// Runs: a fixed seed (printed with every failure), a CI-sized count, overridable by the bench.

/** The seed of every property (HOSTILE_SEED overrides; fast-check prints seed and path on failure). */
export const HOSTILE_SEED = Number(process.env.HOSTILE_SEED ?? 1313);

/** Runs of a property: `ci` in the test command, HOSTILE_RUNS (the bench sets it) otherwise. */
export function runsOf(ci: number): number {
  const n = Number(process.env.HOSTILE_RUNS);
  return Number.isInteger(n) && n > 0 ? n : ci;
}

/** A property's time limit: generous in the test command, none to speak of when the bench sets the runs. */
export function hostileTimeout(): number {
  return process.env.HOSTILE_RUNS ? 6 * 3600_000 : 180_000;
}

/** fast-check parameters for one property; a failure message carries the seed and the reproduction line. */
export function hostileParams(name: string, ci: number): fc.Parameters<unknown> {
  return {
    seed: HOSTILE_SEED,
    numRuns: runsOf(ci),
    ...(process.env.HOSTILE_PATH ? { path: process.env.HOSTILE_PATH } : {}),
    // Shrinking replays against a server whose state has moved on, and is slow: report the first
    // counterexample as found (every check names the exact input and answer). HOSTILE_SHRINK=1 shrinks.
    endOnFailure: !process.env.HOSTILE_SHRINK,
    interruptAfterTimeLimit: Number(process.env.HOSTILE_TIME_LIMIT_MS ?? 0) || undefined,
    markInterruptAsFailure: false,
    reporter: (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const counterexample = preview(details.counterexample, 6000);
      throw new Error(`[hostile ${name}] ${cause}\n  reproduce: HOSTILE_SEED=${details.seed} HOSTILE_PATH=${details.counterexamplePath} (run ${details.numRuns})\n  input: ${counterexample}`);
    },
  } as fc.Parameters<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

/** Names that are properties of every plain object. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'toJSON'] as const;
export const prototypeName = fc.constantFrom(...PROTOTYPE_NAMES);

/** Strings a text field must either store faithfully or refuse with issues. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  prototypeName,
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '\u0000'.repeat(16), // NUL: PostgreSQL text and jsonb cannot hold it
    '\ud800', 'x\udc00y', '\udfff\ud800', '\ud83d', // lone surrogates
    '\u202eevil\u202c', 'مرحبا بالعالم', 'שלום', '\u200f\u200e\u2066x\u2069', // RTL and bidi controls
    '🌀🌀🌀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'e\u0301\u0301\u0301\u0301', '\ufeffBOM', '\uffff\ufffe', '\u2028\u2029',
    '台风“山竹”', '厦门市思明区', "'; drop table events; --", '{"records":[]}', '%00%ff', '\\u0000', '<script>alert(1)</script>',
    '\r\n\t\v\f\b', '\u001b[31mred', 'a'.repeat(65), '0', '-1', 'NaN', 'null', 'true', 'undefined',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', 'a', '区', '🌀', '\u202e'), maxLength: 20 }),
  fc.constantFrom(70_000, 200_000).map((n) => '台'.repeat(n)), // huge, under and over the 256 KiB body limit in UTF-8
);

const leapAndEdges = [
  '2026-06-30T23:59:60Z', '2016-12-31T23:59:60Z', '2026-09-14T07:59:60+08:00', // leap seconds
  '2026-09-14T08:00:00+08', '2026-09-14T08:00:00+0800', '2026-09-14T08:00:00+8:00', '2026-09-14T08:00:00+24:00', '2026-09-14T08:00:00-00:00',
  '2026-09-14T08:00:00', '2026-09-14 08:00:00', '2026-09-14', '20260914T080000Z', '2026-W38-1T08:00:00Z', // missing offset / other forms
  '0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z', '+275760-09-13T00:00:00.001Z', '-271821-04-20T00:00:00Z', '-000001-01-01T00:00:00Z', '+002026-09-14T00:00:00Z',
  '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-09-14T24:00:00Z', '2026-09-14T08:60:00Z', '2026-09-14T08:00:00.123456789Z',
  '2026-09-14t08:00:00z', ' 2026-09-14T08:00:00Z', '2026-09-14T08:00:00Z ', '2026-09-14T08:00:00Z\u0000', '２０２６-09-14T08:00:00Z',
  'Mon, 14 Sep 2026 08:00:00 GMT', '9/14/2026', 'now', 'Infinity', '',
] as const;

/** Times at the edges: leap seconds, short offsets, years 0000/0001/9999/+275760, no offset, and just around "now". */
export function hostileTime(now: () => number = Date.now): fc.Arbitrary<string | number> {
  return fc.oneof(
    fc.constantFrom(...leapAndEdges),
    fc.constantFrom(-5 * 60_000 - 1, -5 * 60_000 + 1000, 4 * 60_000 + 59_000, 5 * 60_000 + 1000, 365 * 86_400_000).map((dt) => new Date(now() + dt).toISOString()),
    fc.constantFrom(0, -1, 1e15, 8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, 1.5),
    fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  );
}

/**
 * RFC 3339 date-time with an offset, a real calendar instant, in JavaScript's range (what every time
 * field documents). A hostile time an entry point accepted must be one of these.
 */
export function isRfc3339WithOffset(v: unknown, cap = false): boolean {
  if (typeof v !== 'string') return false;
  const m = (cap ? /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([-+]\d\d:\d\d)$/ : /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[-+]\d\d:\d\d)$/).exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec] = m.map(Number) as number[];
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  return y! >= 1 && mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= days && h! < 24 && mi! < 60 && sec! < 60 && !Number.isNaN(Date.parse(v));
}

/** Nested `depth` deep: arrays or objects. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Values of the wrong type, depth or size for a field expecting a string, number or object. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1e308, 5e-324, 2 ** 53 + 1, 0.1 + 0.2, [], {}, [null], { '': '' }, '1', '1e3'),
  fc.constantFrom(64, 600).chain((d) => fc.constantFrom(nested(d, 'array'), nested(d, 'object'))),
  fc.constantFrom(2_000, 20_000).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.dictionary(prototypeName, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileTime(), wrongType);

// ---------------------------------------------------------------------------------------------
// Valid records, per category, as the departments' simulators send them.

export interface RecordTemplate {
  category: string;
  /** Which of the category's simulated records (mod their count). */
  pick: number;
  phase: number;
}

export function validTemplate(categoryIds: readonly string[] = categoryList.filter((c) => c.id !== 'population-heat').map((c) => c.id)): fc.Arbitrary<RecordTemplate> {
  return fc.record({ category: fc.constantFrom(...categoryIds), pick: fc.nat(1000), phase: fc.double({ min: 0.05, max: 0.95, noNaN: true }) });
}

/**
 * The record a template stands for, observed at `atMs`: every call of a file gets its own instant
 * (see Stamps), so no two valid records share an identity and none is a duplicate by chance.
 */
export function materialize(t: RecordTemplate, atMs: number): Record<string, unknown> {
  const at = new Date(atMs).toISOString();
  const of = (phase: number) => generateRecords(t.category, phase, at);
  // Some categories have nothing to say at a calm phase (no warning before the storm): take the peak's.
  let all = of(t.phase);
  if (!all.length) all = of(0.45);
  if (!all.length) throw new Error(`the simulator makes no ${t.category} record`);
  return { ...all[t.pick % all.length]!, observedAt: at };
}

/** Distinct instants in the recent past, one per valid record of a run (1 ms apart). */
export class Stamps {
  private n = 0;
  constructor(private readonly base = Date.now() - 2 * 3600_000) {}
  next(): number {
    return this.base + this.n++;
  }
}

/**
 * One way to break a valid record: a field set to a hostile value, or removed. `field` is a name, or
 * "$own" (one of the record's fields, by `ownField`), "$text" (one of its string fields), "$id" (the
 * category's id field), "observedAt".
 */
export interface Breakage {
  field: string;
  ownField: number;
  value: unknown;
  remove: boolean;
}
export const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.record({ field: fc.constant('$own'), ownField: fc.nat(50), value: hostileValue, remove: fc.boolean() }),
  fc.record({ field: fc.constant('$text'), ownField: fc.nat(50), value: hostileString, remove: fc.constant(false) }),
  fc.record({ field: fc.constant('$id'), ownField: fc.constant(0), value: fc.oneof(prototypeName, hostileString, wrongType), remove: fc.constant(false) }),
  fc.record({ field: fc.constant('observedAt'), ownField: fc.constant(0), value: hostileTime(), remove: fc.constant(false) }),
  fc.record({ field: fc.oneof(prototypeName, hostileString.filter((s) => s.length < 100)), ownField: fc.constant(0), value: hostileValue, remove: fc.constant(false) }),
);

/** The record with the breakage applied (own-property writes: `__proto__` becomes a real key, as on the wire). */
export function breakRecord(category: string, record: Record<string, unknown>, b: Breakage): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  const keys = Object.keys(record);
  const texts = keys.filter((k) => typeof record[k] === 'string' && k !== 'observedAt');
  const field =
    b.field === '$own' ? keys[b.ownField % keys.length]!
    : b.field === '$text' ? (texts[b.ownField % Math.max(1, texts.length)] ?? keys[0]!)
    : b.field === '$id' ? categories.get(category)!.idField
    : b.field;
  if (b.remove) delete out[field];
  else Object.defineProperty(out, field, { value: b.value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A valid record whose id is a prototype name (the id pattern allows them): must be stored and shown like any other. */
export function withPrototypeId(category: string, record: Record<string, unknown>, name: (typeof PROTOTYPE_NAMES)[number]): Record<string, unknown> {
  return { ...record, [categories.get(category)!.idField]: name };
}

/**
 * The answer to a valid record with a prototype-named id: acknowledged, or — where the category
 * knows its ids (rain gauges are registered, area codes are digits) — refused naming only the id field. True when acknowledged.
 */
export function protoIdAccepted(category: string, status: number, body: unknown, context: string): boolean {
  // 422: a registry of ids (rain gauges); 400: a stricter id schema (e.g. an area code of digits).
  if (status === 422 || status === 400) {
    const idField = categories.get(category)!.idField;
    expectIssues(body, context);
    const paths = (body as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths.every((p) => p.endsWith(`/${idField}`)), `${context}: refused for something other than an unregistered id: ${preview(body)}`).toBe(true);
    return false;
  }
  expect(status, `${context} is a valid record: ${preview(body)}`).toBe(200);
  return true;
}

export function departmentOf(category: string): DepartmentId {
  return categories.get(category)!.department;
}

/** Raw bodies no parser should trip on. */
export const hostileRawBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom(
    '', ' ', 'null', '[]', '{}', '"records"', '{"records":null}', '{"records":[]}', '{"records":{}}', '{"records":[1,2,3]}',
    '{"__proto__":{"records":[]}}', '{"records":[{"__proto__":{"stationId":"SM01"}}]}', '{"constructor":{"prototype":{"x":1}}}',
    '{"records":[{"stationId":"SM01","stationId":"SM02"}]}', '{"records":1e999}', '{"records":[-0]}', '\ufeff{"records":[]}',
    '{"records":[' + '['.repeat(5000) + ']'.repeat(5000) + ']}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"records":[{"stationId":"\\u0000"}]}',
    '{"records":', '{"records":[}', 'NaN', "{'records':[]}", '\u0000', '{"records":[]}garbage',
  ),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  fc.constantFrom(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), Buffer.from('{"records":[{"stationId":"\xc0\xaf"}]}', 'latin1'), Buffer.from([0xed, 0xa0, 0x80])),
  fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(300_000, 1_100_000).map((n) => JSON.stringify({ records: [{ note: 'x'.repeat(n) }] })),
);

// ---------------------------------------------------------------------------------------------
// Checks.

export interface Issue {
  path: unknown;
  expected: unknown;
}

/** A refusal: `issues[]`, non-empty, each with a string `path` and a non-empty `expected`. */
export function expectIssues(body: unknown, context: string): void {
  const issues = (body as { issues?: Issue[] } | null)?.issues;
  expect(Array.isArray(issues), `${context}: a refusal carries issues[]; got ${preview(body)}`).toBe(true);
  expect(issues!.length, `${context}: issues[] is empty; got ${preview(body)}`).toBeGreaterThan(0);
  for (const i of issues!) {
    expect(typeof i?.path, `${context}: every issue has a path; got ${preview(i)}`).toBe('string');
    expect(typeof i?.expected === 'string' && i.expected.length > 0, `${context}: every issue says what was expected; got ${preview(i)}`).toBe(true);
  }
}

/** An HTTP-like answer: never 5xx; a 4xx carries issues. */
export function checkAnswer(status: number, body: unknown, context: string): 'ok' | 'refused' {
  expect(status, `${context}: ${status} ${preview(body)}`).toBeLessThan(500);
  if (status >= 400) {
    expectIssues(body, `${context} (${status})`);
    return 'refused';
  }
  return 'ok';
}

export function preview(v: unknown, max = 300): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v, compact) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

/** JSON replacer that keeps huge strings and arrays readable: their start and their size. */
function compact(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.length > 120) return `${value.slice(0, 40)}…<${value.length} chars>`;
  if (Array.isArray(value) && value.length > 12) return [...value.slice(0, 6), `…<${value.length} items>`];
  if (Buffer.isBuffer(value) || (value as { type?: string } | null)?.type === 'Buffer') return `<bytes ${Buffer.from((value as { data?: number[] }).data ?? (value as Buffer)).toString('hex').slice(0, 80)}>`;
  return value;
}

/** A request to the real server's port; the body is read as JSON when it is JSON. */
export async function httpRequest(baseUrl: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, body: json };
}

/** The query string of a set of (possibly hostile) parameters; a value that is an array repeats the name. */
export function queryOf(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, typeof one === 'string' ? one : JSON.stringify(one) ?? '');
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------------------------------------
// The server's log.

export interface LogLine {
  level: number;
  msg?: string;
  [k: string]: unknown;
}

/** A pino destination that keeps every line at warn or above (refusals are logged at info). */
export function captureLogs(): { stream: Writable; errors(): LogLine[]; warnings(): LogLine[] } {
  const kept: LogLine[] = [];
  let partial = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      const text = partial + String(chunk);
      const lines = text.split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (!line) continue;
        try {
          const entry = JSON.parse(line) as LogLine;
          if (entry.level >= 40) kept.push(entry);
        } catch {
          kept.push({ level: 60, msg: `unparsable log line: ${line.slice(0, 200)}` });
        }
      }
      done();
    },
  });
  return { stream, errors: () => kept.filter((l) => l.level >= 50), warnings: () => kept.filter((l) => l.level === 40) };
}

// ---------------------------------------------------------------------------------------------
// One real server per file, and the truth every file ends on.

export interface Tally {
  inputs: number;
  hostile: number;
  valid: number;
  refused: number;
  acknowledged: number;
}

export interface HostileServer {
  server: TestServer;
  database: TestDatabase;
  screen: WatchingClient;
  /** Department keys, made on first use. */
  keyOf(department: DepartmentId): Promise<string>;
  /** Distinct recent instants for valid records. */
  stamps: Stamps;
  tally: Tally;
  /** Takes an ingest ack ({ records: [{ seq, status }] }) of a valid or hostile-but-accepted batch. */
  acknowledged(ack: unknown, context: string): void;
  /** Sends a valid record over HTTP (its department's key) and takes its ack: the screens have something to show. */
  sendRecord(template: RecordTemplate): Promise<void>;
  /** Records stored by the test's own fixtures since the start count as there before the inputs. */
  rebase(): Promise<void>;
  /** Counts an answer: 'ok' or 'refused'. */
  count(kind: 'hostile' | 'valid', outcome: 'ok' | 'refused'): void;
  /** The acknowledged records are each in the log once, the screen equals the log, the server answers, its log has no error line. */
  finish(expectedErrors?: (line: LogLine) => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startHostileServer(name: string, options: Omit<BeaconOptions, 'db'> = {}): Promise<HostileServer> {
  const logs = captureLogs();
  const database = await createTestDatabase();
  const server = await startTestServer(database.url, { rateLimit: false, ...options }, { logger: { level: 'info', stream: logs.stream } });
  const screen = await watch(server);
  const keys = new Map<DepartmentId, string>([['meteorology', server.meteorologyKey]]);
  const stored = new Map<number, string>(); // seq → where it was acknowledged
  const tally: Tally = { inputs: 0, hostile: 0, valid: 0, refused: 0, acknowledged: 0 };
  let before = (await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`)[0]!.n;
  const stamps = new Stamps();
  return {
    server,
    database,
    screen,
    stamps,
    tally,
    keyOf: async (department) => {
      if (!keys.has(department)) keys.set(department, (await createDepartmentKey(server.db.sql, department, 'hostile')).key);
      return keys.get(department)!;
    },
    acknowledged: (ack, context) => {
      const records = (ack as { records?: { seq: number; status: string }[] } | null)?.records;
      expect(Array.isArray(records), `${context}: an ack lists its records; got ${preview(ack)}`).toBe(true);
      for (const r of records!) {
        expect(Number.isInteger(r.seq), `${context}: every acknowledged record has a seq`).toBe(true);
        if (r.status === 'stored') {
          expect(stored.has(r.seq), `${context}: seq ${r.seq} acknowledged as stored twice (first: ${stored.get(r.seq)})`).toBe(false);
          stored.set(r.seq, context);
        }
        tally.acknowledged += 1;
      }
    },
    sendRecord: async (template) => {
      const category = template.category;
      const record = materialize(template, stamps.next());
      const key = keys.get(departmentOf(category)) ?? (await createDepartmentKey(server.db.sql, departmentOf(category), 'hostile')).key;
      keys.set(departmentOf(category), key);
      const { status, body } = await httpRequest(server.baseUrl, 'POST', `/api/v1/ingest/${category}`, { 'content-type': 'application/json', authorization: `Bearer ${key}` }, JSON.stringify({ records: [record] }));
      tally.inputs += 1;
      tally.valid += 1;
      expect(status, `valid ${category} ${preview(record)}: ${preview(body)}`).toBe(200);
      for (const r of (body as { records: { seq: number; status: string }[] }).records) {
        if (r.status === 'stored') stored.set(r.seq, `record ${category}`);
        tally.acknowledged += 1;
      }
    },
    rebase: async () => {
      before = (await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`)[0]!.n;
    },
    count: (kind, outcome) => {
      tally.inputs += 1;
      tally[kind] += 1;
      if (outcome === 'refused') tally.refused += 1;
    },
    finish: async (expectedErrors = () => false) => {
      report(name, tally);
      // The process stays up and still serves.
      const health = await fetch(`${server.baseUrl}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(screen.socket.connected, 'the watching screen is still connected').toBe(true);
      // Every record acknowledged as stored is in the log, once; nothing else came in.
      const rows = await server.db.sql<{ seq: string }[]>`select seq from events where type = 'record.received' order by seq`;
      const inLog = rows.map((r) => Number(r.seq));
      expect(inLog.length - before, 'records in the log = records acknowledged as stored').toBe(stored.size);
      const logged = new Set(inLog);
      for (const [seq, where] of stored) expect(logged.has(seq), `seq ${seq} (${where}) acknowledged but not in the log`).toBe(true);
      // The screen shows exactly the log.
      await server.app.engine.catchUp();
      await expectScreensMatchLog(server.db.sql, xiamen, [{ client: screen, view: { kind: 'city' } }], 15_000);
      // The server's own log: no error-level line that is not an expected refusal.
      const errors = logs.errors().filter((l) => !expectedErrors(l));
      expect(errors.map((l) => preview(l, 600)), 'error-level lines in the server log').toEqual([]);
    },
    close: async () => {
      screen.close();
      await server.close();
      await database.drop();
    },
  };
}

/** Prints a file's counts, and appends them to HOSTILE_REPORT (the bench reads it). */
export function report(name: string, tally: Tally): void {
  console.log(`[hostile ${name}] seed ${HOSTILE_SEED}: ${tally.inputs} inputs (${tally.hostile} hostile, ${tally.valid} valid), ${tally.refused} refused, ${tally.acknowledged} records acknowledged`);
  if (process.env.HOSTILE_REPORT) appendFileSync(process.env.HOSTILE_REPORT, `${JSON.stringify({ transport: name, seed: HOSTILE_SEED, ...tally })}\n`);
}
