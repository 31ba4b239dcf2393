import { createServer, Socket, type Server } from 'node:net';
import { Aedes, type AedesOptions } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';

export interface TestBroker {
  url: string;
  port: number;
  /** "mosquitto" (the machine's broker at MQTT_URL or 127.0.0.1:1883) or "aedes" (embedded, this process). */
  kind: 'mosquitto' | 'aedes';
  close(): Promise<void>;
}

/**
 * A real MQTT broker for a test file: the machine's (CI and our machines run Mosquitto at
 * 127.0.0.1:1883; MQTT_URL overrides) when one answers, otherwise an embedded aedes broker on a free
 * port — so the README's test command passes on a fresh machine with nothing installed.
 * Why aedes: the maintained pure-JS broker (MQTT 3.1.1/5, QoS 1/2, persistent sessions) that runs in-process.
 */
export async function startTestBroker(): Promise<TestBroker> {
  const external = new URL(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883');
  const port = Number(external.port || 1883);
  if (await answers(external.hostname, port)) {
    return { url: `mqtt://${external.hostname}:${port}`, port, kind: 'mosquitto', close: async () => {} };
  }
  return startEmbeddedBroker();
}

/** An aedes broker in this process; `port` picks its port (0: a free one). */
export async function startEmbeddedBroker(port = 0, options: AedesOptions = {}): Promise<TestBroker & { server: Server; aedes: Aedes }> {
  const aedes = await Aedes.createBroker(options);
  const server = createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as { port: number }).port;
  return {
    url: `mqtt://127.0.0.1:${bound}`,
    port: bound,
    kind: 'aedes',
    server,
    aedes,
    close: async () => {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether something accepts a TCP connection there within half a second. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

/** Replies are checked field by field; `any` keeps those checks readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MqttReply = any;

/** A department's-eye view of its broker: publishes readings and reads Beacon's answers on "<topic>/ack". */
export interface DepartmentPublisher {
  client: MqttClient;
  /** Publishes (QoS 1) and waits for the answer on `${topic}/ack`. */
  request(topic: string, payload: string | Buffer | object): Promise<MqttReply>;
  /** The next answer on that reply topic not yet taken. */
  next(replyTopic: string, timeoutMs?: number): Promise<MqttReply>;
  close(): Promise<void>;
}

export async function departmentPublisher(url: string, replyFilter: string): Promise<DepartmentPublisher> {
  const client = await mqtt.connectAsync(url, { clientId: `dept-${Math.random().toString(36).slice(2, 10)}`, clean: true, reconnectPeriod: 0 });
  await client.subscribeAsync(replyFilter, { qos: 1 });
  const inbox = new Map<string, MqttReply[]>();
  const waiting = new Map<string, ((r: MqttReply) => void)[]>();
  client.on('message', (topic, payload) => {
    // A wide filter also brings the department's own publications back: only answers count.
    if (!topic.endsWith('/ack')) return;
    const reply = JSON.parse(payload.toString('utf8'));
    const w = waiting.get(topic)?.shift();
    if (w) w(reply);
    else inbox.set(topic, [...(inbox.get(topic) ?? []), reply]);
  });
  const next = (replyTopic: string, timeoutMs = 5000) => {
    const queued = inbox.get(replyTopic);
    if (queued?.length) return Promise.resolve(queued.shift());
    return new Promise<MqttReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply on ${replyTopic} within ${timeoutMs} ms`)), timeoutMs);
      waiting.set(replyTopic, [
        ...(waiting.get(replyTopic) ?? []),
        (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      ]);
    });
  };
  return {
    client,
    next,
    request: async (topic, payload) => {
      const answer = next(`${topic}/ack`);
      answer.catch(() => {}); // awaited below; a failed publish must not leave it unhandled
      await client.publishAsync(topic, typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload), { qos: 1 });
      return answer;
    },
    close: () => client.endAsync(),
  };
}

/** Ends a persistent session a test left on a shared broker (connect once with clean=true). */
export async function clearSession(url: string, clientId: string): Promise<void> {
  const client = await mqtt.connectAsync(url, { clientId, clean: true, reconnectPeriod: 0 });
  await client.endAsync();
}

/** Polls until the predicate holds. */
export async function eventually(predicate: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
