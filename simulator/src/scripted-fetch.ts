/**
 * Test helper: a `fetch` that answers each call as the test scripts it, for fake-timer tests of the
 * simulators. The HTTP endpoint is the world's edge for these units, so it is the one thing stubbed:
 * the simulators' own timers, retries and aborts run as they are, on a clock the test advances.
 *
 * It behaves the way undici's fetch does at that edge: a delayed answer waits on (fake) setTimeout,
 * an aborted signal rejects the call with the signal's reason, and a dropped connection rejects with
 * "fetch failed" carrying the socket error as its cause.
 */

export type ScriptedReply =
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
  /** Drop the connection without answering: the call rejects like a network error. */
  | 'drop';

/** Beacon's answer when every record of a batch is stored, after `delayMs` of (fake) time. */
export const storedReply = (records = 31, delayMs = 0): ScriptedReply => ({
  status: 200,
  delayMs,
  body: {
    accepted: records,
    duplicates: 0,
    records: Array.from({ length: records }, (_, index) => ({ index, seq: index + 1, status: 'stored' })),
  },
});

export interface FetchedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** Date.now() when the call was made: the fake clock in a fake-timer test. */
  at: number;
  signal: AbortSignal | undefined;
}

export type FetchScript =
  | ScriptedReply
  /** Never answer: the call ends only when its signal is aborted. */
  | 'hang';

export interface ScriptedFetch {
  fetch: typeof fetch;
  requests: FetchedRequest[];
  /** Most calls unanswered at the same moment. */
  readonly maxConcurrent: number;
}

export function scriptedFetch(script: (request: FetchedRequest, index: number) => FetchScript): ScriptedFetch {
  const requests: FetchedRequest[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;

  const stub = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request: FetchedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? init.body : '',
      at: Date.now(),
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    const reply = script(request, requests.length - 1);
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (outcome: () => void) => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        concurrent--;
        outcome();
      };
      const onAbort = () => settle(() => reject(signal!.reason));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (reply === 'hang') return;
      if (reply === 'drop') {
        return settle(() => reject(new TypeError('fetch failed', { cause: new Error('other side closed') })));
      }
      const answer = () =>
        settle(() =>
          resolve(
            new Response(reply.body === undefined ? '' : JSON.stringify(reply.body), {
              status: reply.status,
              headers: { 'content-type': 'application/json', ...reply.headers },
            }),
          ),
        );
      if (reply.delayMs) timer = setTimeout(answer, reply.delayMs);
      else answer();
    });
  };

  return {
    fetch: stub as typeof fetch,
    requests,
    get maxConcurrent() {
      return maxConcurrent;
    },
  };
}
