import WebSocket from 'ws';

/** A department's-eye view of the ingest stream: a real ws client that sends messages and reads replies in order. */
export interface StreamClient {
  ws: WebSocket;
  /** Sends raw text (or bytes) as one message. */
  sendRaw(data: string | Buffer): void;
  /** The next reply not yet taken. */
  next(timeoutMs?: number): Promise<StreamReplyBody>;
  /** Sends one message and waits for its reply (only when nothing else is in flight). */
  request(message: unknown): Promise<StreamReplyBody>;
  /** Resolves with the close code. */
  closed: Promise<number>;
  close(): void;
}

/** Replies are checked field by field; `any` keeps those checks readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StreamReplyBody = any;

export function streamUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/api/v1/stream`;
}

export async function openStream(baseUrl: string, auth: { key?: string; protocols?: string[] }): Promise<StreamClient> {
  const ws = new WebSocket(streamUrl(baseUrl), auth.protocols ?? [], auth.key ? { headers: { authorization: `Bearer ${auth.key}` } } : {});
  const inbox: StreamReplyBody[] = [];
  const waiting: ((r: StreamReplyBody) => void)[] = [];
  ws.on('message', (data) => {
    const reply = JSON.parse(String(data));
    const w = waiting.shift();
    if (w) w(reply);
    else inbox.push(reply);
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = (timeoutMs = 5000) =>
    inbox.length
      ? Promise.resolve(inbox.shift())
      : new Promise<StreamReplyBody>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs);
          waiting.push((r) => {
            clearTimeout(timer);
            resolve(r);
          });
        });
  return {
    ws,
    sendRaw: (data) => ws.send(data),
    next,
    request: (message) => {
      ws.send(JSON.stringify(message));
      return next();
    },
    closed,
    close: () => ws.close(),
  };
}

/** Tries to open the stream and expects a refusal: the HTTP status and the error body it came with. */
export function refusedUpgrade(baseUrl: string, auth: { headers?: Record<string, string>; protocols?: string[]; path?: string }): Promise<{ status: number; body: StreamReplyBody }> {
  const url = auth.path ? `${baseUrl.replace(/^http/, 'ws')}${auth.path}` : streamUrl(baseUrl);
  const ws = new WebSocket(url, auth.protocols ?? [], { headers: auth.headers ?? {} });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    ws.once('error', (err) => reject(err));
  });
}
