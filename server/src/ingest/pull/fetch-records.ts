import { MAX_BATCH_RECORDS } from '@beacon/shared';

/** A failed pull that is not the pipeline's refusal: which step went wrong, in words for the status. */
export class PullError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'timeout' | 'http' | 'too-large' | 'json' | 'shape',
    message: string,
  ) {
    super(message);
    this.name = 'PullError';
  }
}

export interface FetchTarget {
  url: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The most bytes read from one response. */
  maxBytes: number;
}

/**
 * GETs the endpoint and returns its records: a JSON array, `{ "records": [...] }` (other top-level
 * keys — cursors, metadata of the department's system — are ignored) or a single record object.
 */
export async function fetchRecords(target: FetchTarget, stop: AbortSignal): Promise<unknown[]> {
  const where = new URL(target.url).host; // never the path or query: they may carry a token
  const timeout = AbortSignal.timeout(target.timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await fetch(target.url, { headers: { accept: 'application/json', ...target.headers }, signal: AbortSignal.any([stop, timeout]) });
    if (!res.ok) {
      await res.body?.cancel();
      throw new PullError('http', `${where} answered HTTP ${res.status}`);
    }
    text = await readCapped(res, target.maxBytes, where);
  } catch (err) {
    if (err instanceof PullError) throw err;
    if (timeout.aborted) throw new PullError('timeout', `${where} did not answer within ${target.timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new PullError('unreachable', `cannot reach ${where}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new PullError('json', `${where} sent something that is not JSON: ${(err as Error).message}`);
  }
  if (Array.isArray(body)) return body;
  if (body !== null && typeof body === 'object') {
    const records = (body as { records?: unknown }).records;
    if (Object.hasOwn(body, 'records')) {
      if (!Array.isArray(records)) throw new PullError('shape', `${where} sent "records" that is not an array`);
      return records;
    }
    return [body];
  }
  throw new PullError('shape', `${where} sent ${JSON.stringify(body)}; expected a record, an array of records or {"records": [...]}`);
}

async function readCapped(res: Response, maxBytes: number, where: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new PullError('too-large', `${where} sent ${declared} bytes; at most ${maxBytes} are read`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body ?? []) {
    total += chunk.length;
    if (total > maxBytes) throw new PullError('too-large', `${where} sent more than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The pipeline takes at most MAX_BATCH_RECORDS per batch: a big pull is stored in several. */
export function chunks<T>(items: T[], size = MAX_BATCH_RECORDS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
