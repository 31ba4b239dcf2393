// Beacon as an MQTT client of a department's broker: sensor readings published there are fed
// through the one ingest pipeline and answered on a reply topic.
//
// Why the `mqtt` package (MQTT.js): the maintained, widely used Node client; MQTT 3.1.1 and 5, TLS
// and WebSocket URLs, QoS 1 with a hook (handleMessage) that holds the PUBACK until we are done —
// which is what lets "acked" mean "committed". Its own reconnect is a fixed period; we drive
// reconnection ourselves with the same jittered backoff as the pull connectors.
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { Sql } from '@beacon/db';
import { categories, type DepartmentId } from '@beacon/shared';
import type { FastifyError } from 'fastify';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import { serviceCredential, type DepartmentCredential } from '../../credentials/department-keys.ts';
import { toErrorBody } from '../../errors/error-handler.ts';
import { InputError } from '../../errors/input-error.ts';
import { logRejection } from '../log-rejection.ts';
import type { IngestPipeline } from '../pipeline.ts';
import { backoffDelay, type BackoffPolicy } from '../pull/backoff.ts';
import { describeFailure, isDataError, judgeFailure } from './failure-kind.ts';
import { MQTT_MAX_BYTES, parseMqttPayload, pointIntoSent, type MqttBatch } from './mqtt-payload.ts';
import { categoryFor, filterProblem, isReplyTopic, replyTopicFor } from './topics.ts';

export interface MqttSourceConfig {
  /** The department whose broker this is; every topic's category must belong to it. */
  department: DepartmentId;
  /** mqtt://, mqtts://, ws:// or wss:// URL of the broker. */
  url: string;
  /** Topic filter → category id, e.g. { 'xmqx/rain/+': 'rain-gauge' }. Subscribed with QoS 1. */
  topics: Record<string, string>;
  username?: string;
  password?: string;
  /** Default "bcn-<hash of department, url, host name>": stable across restarts, so the session survives. */
  clientId?: string;
  /** Where each message is answered; "{topic}" is the message's topic. Default "{topic}/ack". */
  replyTopic?: string;
}

export interface MqttIngestOptions extends MqttSourceConfig {
  sql: Sql;
  pipeline: IngestPipeline;
  /** Largest message accepted (default 256 KiB). */
  maxBytes?: number;
  /**
   * Keep the broker session (clean=false, default true): QoS 1 messages published while Beacon is
   * away, or not yet acknowledged, are delivered again when it reconnects. With false they are lost.
   */
  persistentSession?: boolean;
  /** Reconnect backoff; default 1 s doubling to 60 s, with jitter. */
  backoff?: Partial<BackoffPolicy>;
  /** Wall clock for the status times. */
  clock?: () => number;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export type MqttState = 'connecting' | 'connected' | 'reconnecting' | 'error' | 'stopped';

export interface MqttStatus {
  department: DepartmentId;
  /** The broker URL without user name or password. */
  url: string;
  clientId: string;
  /** error: the last attempt failed with an error (refused, unreachable, not authorised) and we keep retrying. */
  state: MqttState;
  since: string;
  lastConnectedAt: string | null;
  lastMessageAt: string | null;
  lastError: { at: string; message: string } | null;
  /** Messages since start: stored (≥ 1 new record), duplicate (all already held), refused (answered with an error), failed (not acked; redelivered). */
  messages: { stored: number; duplicate: number; refused: number; failed: number };
  /**
   * Messages that made the server fail for a reason a retry cannot cure: answered, acknowledged and
   * set aside rather than redelivered forever (see failure-kind.ts). The newest few, newest first.
   */
  deadLetters: { count: number; recent: DeadLetter[] };
}

export interface DeadLetter {
  topic: string;
  at: string;
  /** What failed, as the server saw it (this status is for staff only). */
  reason: string;
  bytes: number;
}

/** How many dead letters the status keeps. */
export const RECENT_DEAD_LETTERS = 10;
const PROBE_TIMEOUT_MS = 5000;

export interface MqttIngest {
  /** Disconnects; a message being stored finishes first, an unacked one stays with the broker. */
  stop(): Promise<void>;
  status(): MqttStatus;
}

export function startMqttIngest(options: MqttIngestOptions): MqttIngest {
  checkConfig(options);
  const clock = options.clock ?? Date.now;
  const at = () => new Date(clock()).toISOString();
  const safeUrl = withoutSecrets(options.url);
  const clientId = options.clientId ?? defaultClientId(options.department, safeUrl);
  const replyTemplate = options.replyTopic ?? '{topic}/ack';
  const maxBytes = options.maxBytes ?? MQTT_MAX_BYTES;
  const policy: BackoffPolicy = { baseMs: options.backoff?.baseMs ?? 1000, maxMs: options.backoff?.maxMs ?? 60_000 };
  const status: MqttStatus = {
    department: options.department, url: safeUrl, clientId, state: 'connecting', since: at(),
    lastConnectedAt: null, lastMessageAt: null, lastError: null, messages: { stored: 0, duplicate: 0, refused: 0, failed: 0 },
    deadLetters: { count: 0, recent: [] },
  };
  const setState = (state: MqttState) => {
    if (status.state === state) return;
    const from = status.state;
    Object.assign(status, { state, since: at() });
    const log = state === 'connected' || state === 'stopped' ? options.log?.info : options.log?.warn;
    log?.call(options.log, { broker: safeUrl, from, to: state, error: status.lastError?.message }, 'mqtt ingest state changed');
  };
  const fail = (message: string) => (status.lastError = { at: at(), message });

  // A server-side credential: an ordinary, listed, revocable key row whose plain key is discarded,
  // so provenance (source_id) names this broker. Found or made on the first message, not at start,
  // so a database that is down at start is a failed message, not a crash.
  let credential: Promise<DepartmentCredential> | null = null;
  const credentialFor = () =>
    (credential ??= serviceCredential(options.sql, options.department, `mqtt:${safeUrl}`).catch((err) => {
      credential = null;
      throw err;
    }));

  const client: MqttClient = mqtt.connect(options.url, {
    clientId,
    clean: !(options.persistentSession ?? true),
    reconnectPeriod: 0, // ours, with backoff: see scheduleReconnect
    connectTimeout: 10_000,
    ...(options.username !== undefined ? { username: options.username } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  let stopped = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    failures += 1;
    if (status.state !== 'error') setState('reconnecting');
    retryTimer = setTimeout(() => {
      retryTimer = null;
      // Keep the outgoing store: replies not yet acknowledged by the broker are sent again.
      if (!stopped) client.reconnect({ incomingStore: client.incomingStore, outgoingStore: client.outgoingStore });
    }, backoffDelay(failures, policy));
  };

  client.on('connect', () => {
    failures = 0;
    status.lastConnectedAt = at();
    const filters = Object.fromEntries(Object.keys(options.topics).map((f) => [f, { qos: 1 as const }]));
    client.subscribe(filters, (err, granted) => {
      const refused = (granted ?? []).filter((g) => g.qos === 128).map((g) => g.topic);
      if (err || refused.length) {
        fail(err ? `subscribe failed: ${err.message}` : `the broker refused the subscription to ${refused.join(', ')}`);
        setState('error');
      } else setState('connected');
    });
  });
  client.on('error', (err) => {
    if (stopped) return; // ending the connection is not a fault of the source
    fail(err.message || String((err as { code?: string }).code));
    setState('error');
  });
  client.on('close', scheduleReconnect);

  const reply = (topic: string, body: object) => {
    // Not awaited: the broker's PUBACK for it is read by the same loop that is waiting for us.
    client.publish(replyTopicFor(replyTemplate, topic), JSON.stringify(body), { qos: 1 }, (err) => {
      if (err && !stopped) options.log?.warn({ broker: safeUrl, topic, err: err.message }, 'mqtt ingest: reply not sent');
    });
  };

  // Consecutive failures per message (topic + payload), so a "transient" failure that only this
  // message keeps causing while the database answers ends as a dead letter. Bounded: oldest dropped.
  const attempts = new Map<string, number>();
  const keyOf = (topic: string, payload: Buffer) => createHash('sha256').update(topic).update('\u0000').update(payload).digest('base64');
  const databaseAnswers = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS)));
      await Promise.race([options.sql`select 1`, timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };

  /** True when the message may be acknowledged: stored, a duplicate, refused or dead-lettered — answered, each of them. */
  const handle = async (packet: IPublishPacket): Promise<boolean> => {
    const topic = packet.topic;
    if (isReplyTopic(replyTemplate, topic)) return true; // our own answer, seen through a wildcard
    // Closing: not stored, not acknowledged — the broker keeps it for the next start.
    if (stopped) return false;
    status.lastMessageAt = at();
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    let parsed: MqttBatch | undefined;
    const category = categoryFor(options.topics, topic);
    let atPipeline = false;
    try {
      if (!category) {
        // Possible with a persistent session that kept a subscription the configuration no longer has.
        throw new InputError(404, 'BEACON_UNKNOWN_TOPIC', `no category is configured for topic "${topic}"; nothing was stored`, [
          { path: 'topic', expected: `a topic matching one of: ${Object.keys(options.topics).join(', ')}`, got: topic },
        ]);
      }
      parsed = parseMqttPayload(payload, maxBytes);
      const sender = await credentialFor();
      atPipeline = true;
      const ack = await options.pipeline.accept(sender, category, parsed.batch);
      status.messages[ack.accepted > 0 ? 'stored' : 'duplicate'] += 1;
      attempts.delete(keyOf(topic, payload));
      reply(topic, { ...(parsed.id ? { id: parsed.id } : {}), topic, ...ack });
      return true;
    } catch (err) {
      if (err instanceof InputError) {
        status.messages.refused += 1;
        attempts.delete(keyOf(topic, payload));
        // The same error body HTTP answers with; toErrorBody reads an InputError whatever its declared type.
        const located = new InputError(err.statusCode, err.code, err.message, pointIntoSent(err.issues, parsed?.single ?? false));
        const body = toErrorBody(located as unknown as FastifyError, undefined);
        reply(topic, { ...(parsed?.id ? { id: parsed.id } : {}), topic, ...body });
        // The pipeline logs its own refusals; garbage on a known topic counts against the feed's health too.
        if (!atPipeline && category) await logTransportRejection(category, err);
        return true;
      }
      const key = keyOf(topic, payload);
      const tries = (attempts.get(key) ?? 0) + 1;
      attempts.delete(key);
      const verdict = await judgeFailure(err, tries, databaseAnswers);
      if (verdict === 'dead-letter') {
        await deadLetter(topic, payload, parsed, category, err);
        return true;
      }
      attempts.set(key, tries);
      if (attempts.size > 1000) attempts.delete(attempts.keys().next().value!);
      // Not the sender's fault (the database is away): no PUBACK, and a fresh connection so the
      // broker delivers the message again — after the backoff, which grows while this repeats.
      status.messages.failed += 1;
      fail(`storing a message from ${topic} failed: ${(err as Error).message}`);
      options.log?.warn({ broker: safeUrl, topic, err: (err as Error).message }, 'mqtt ingest: message not stored; the broker will deliver it again');
      client.stream?.destroy();
      return false;
    }
  };

  /** Answers, counts and logs a message no retry will store; the caller then acknowledges it. */
  const deadLetter = async (topic: string, payload: Buffer, parsed: MqttBatch | undefined, category: string | undefined, err: unknown) => {
    const reason = describeFailure(err);
    status.deadLetters.count += 1;
    status.deadLetters.recent = [{ topic, at: at(), reason, bytes: payload.length }, ...status.deadLetters.recent].slice(0, RECENT_DEAD_LETTERS);
    options.log?.warn({ broker: safeUrl, topic, err: reason }, 'mqtt ingest: message set aside as a dead letter (acknowledged, not stored, not retried)');
    // A data error is the sender's to fix, in the database's words; anything else is ours and stays inside.
    const dataError = isDataError(err);
    const got = dataError ? reason : 'a message the server failed on (logged; not retried)';
    const refusal = new InputError(dataError ? 422 : 500, 'BEACON_DEAD_LETTER', 'Beacon could not store this message and will not retry it; it was set aside as a dead letter; nothing was stored', [
      { path: '', expected: 'a message the server can store', got },
    ]);
    reply(topic, { ...(parsed?.id ? { id: parsed.id } : {}), topic, ...toErrorBody(refusal as unknown as FastifyError, undefined) });
    if (category) await logTransportRejection(category, refusal);
  };

  const logTransportRejection = async (category: string, err: InputError) => {
    try {
      const sender = await credentialFor();
      await logRejection(options.sql, { credentialId: sender.id, department: options.department, category }, 0, err);
    } catch {
      // Feed health is best effort; the sender already has its answer.
    }
  };

  client.handleMessage = (packet, callback) => {
    const work = handle(packet).then(
      (ack) => (ack ? callback() : callback(new Error('not stored'))),
      // handle() answers every failure itself; this is a bug in it: keep the message with the broker.
      (err: Error) => {
        options.log?.warn({ broker: safeUrl, topic: packet.topic, err: err.message }, 'mqtt ingest: handling a message failed');
        client.stream?.destroy();
        callback(err);
      },
    );
    inFlight = work;
  };

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await inFlight;
      await client.endAsync();
      setState('stopped');
    },
    status: () => structuredClone(status),
  };
}

/** Refuses a bad source at start, every problem at once. */
export function checkConfig(o: MqttSourceConfig): void {
  const problems: string[] = [];
  if (!URL.canParse(o.url) || !/^(mqtts?|wss?):$/.test(new URL(o.url).protocol)) problems.push(`url must be an mqtt://, mqtts://, ws:// or wss:// URL`);
  const entries = Object.entries(o.topics ?? {});
  if (!entries.length) problems.push('topics must map at least one topic filter to a category');
  for (const [filter, categoryId] of entries) {
    const bad = filterProblem(filter);
    if (bad) problems.push(`topic filter "${filter}" ${bad}`);
    const category = categories.get(categoryId);
    if (!category) problems.push(`topic filter "${filter}": no category "${categoryId}"`);
    else if (category.department !== o.department) problems.push(`topic filter "${filter}": ${categoryId} belongs to ${category.department}, not ${o.department}`);
  }
  if (o.replyTopic !== undefined && (!o.replyTopic.includes('{topic}') || /[+#]/.test(o.replyTopic))) {
    problems.push('replyTopic must contain "{topic}" and no wildcards');
  }
  if (problems.length) throw new Error(`invalid MQTT source ${withoutSecrets(o.url)} (${o.department}):\n  ${problems.join('\n  ')}`);
}

function withoutSecrets(url: string): string {
  if (!URL.canParse(url)) return url.replace(/\/\/[^@/]*@/, '//');
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

/** Short (MQTT 3.1.1 brokers may refuse > 23 characters) and the same on every restart of this host. */
function defaultClientId(department: string, url: string): string {
  return `bcn-${createHash('sha256').update(`${department}|${url}|${hostname()}`).digest('hex').slice(0, 16)}`;
}
