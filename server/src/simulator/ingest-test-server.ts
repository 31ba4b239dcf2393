/**
 * Test helper: a real HTTP server on 127.0.0.1 standing in for Beacon's ingest. It records every
 * request and answers each one as the test scripts it, so the feeder is exercised over a real
 * socket (keep-alive, aborted requests, dropped connections) rather than a mocked fetch.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export type ScriptedReply =
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
  /** Drop the connection without answering: the client sees a network error. */
  | 'drop';

export interface IngestTestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Most requests being handled at the same moment. */
  maxConcurrent: number;
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const storedReply = (records = 31, delayMs = 0): ScriptedReply => ({
  status: 200,
  delayMs,
  body: {
    accepted: records,
    duplicates: 0,
    records: Array.from({ length: records }, (_, index) => ({ index, seq: index + 1, status: 'stored' })),
  },
});

export async function startIngestTestServer(
  script: (request: RecordedRequest, index: number) => ScriptedReply,
): Promise<IngestTestServer> {
  const requests: RecordedRequest[] = [];
  let concurrent = 0;
  const state = { maxConcurrent: 0 };
  const pendingDelays = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    concurrent++;
    state.maxConcurrent = Math.max(state.maxConcurrent, concurrent);
    let finished = false;
    const finish = () => {
      if (!finished) concurrent--;
      finished = true;
    };
    res.on('close', finish);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: performance.now(),
      };
      requests.push(request);
      const reply = script(request, requests.length - 1);
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      const send = () => {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      if (!reply.delayMs) return send();
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        send();
      }, reply.delayMs);
      pendingDelays.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    async waitForRequests(count, timeoutMs = 2000) {
      const deadline = performance.now() + timeoutMs;
      while (requests.length < count) {
        if (performance.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async close() {
      for (const timer of pendingDelays) clearTimeout(timer);
      pendingDelays.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
