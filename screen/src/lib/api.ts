import type { ErrorBody, ErrorCode, Issue } from '@beacon/shared';

/** When the answer is not Beacon's (a proxy's 502 page, a dropped body): the HTTP status stands in for the code. */
export type HttpFallbackCode = `HTTP_${number}`;

/** An error answer of the HTTP API (its body: ErrorBody, shared/src/errors), as the server words it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | HttpFallbackCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** fetch with the session's bearer token and the API's error shape turned into an ApiError. */
export async function api<T>(token: string | null, path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (res.ok) return (res.headers.get('content-type')?.includes('json') ? res.json() : res.text()) as Promise<T>;
  throw await apiError(res);
}

/** A file the API answers (an export), with the name the server gives it; a plain link cannot carry the bearer token. */
export async function apiFile(token: string | null, path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw await apiError(res);
  return { blob: await res.blob(), fileName: /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null };
}

/** The API's error shape of an answer that is not ok, as an ApiError. */
async function apiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  return new ApiError(res.status, body?.code ?? `HTTP_${res.status}`, body?.message ?? res.statusText, body?.issues ?? []);
}
