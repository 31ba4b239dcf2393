import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFile } from './api.ts';

afterEach(() => vi.unstubAllGlobals());

describe('apiFile', () => {
  it('sends the bearer token and answers the file with the name the server gives it', async () => {
    const fetch = vi.fn(async () => new Response('a,b\r\n', { headers: { 'content-disposition': 'attachment; filename="beacon-audit.csv"' } }));
    vi.stubGlobal('fetch', fetch);
    const file = await apiFile('tok', '/api/v1/audit?format=csv');
    expect(fetch).toHaveBeenCalledWith('/api/v1/audit?format=csv', { headers: { authorization: 'Bearer tok' } });
    expect(file.fileName).toBe('beacon-audit.csv');
    expect(await file.blob.text()).toBe('a,b\r\n');
  });

  it("turns the API's error answer into an ApiError, as api() does", async () => {
    vi.stubGlobal('fetch', async () => Response.json({ code: 'BEACON_FORBIDDEN', message: 'not yours' }, { status: 403 }));
    const failure = await apiFile(null, '/api/v1/audit?format=csv').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 403, code: 'BEACON_FORBIDDEN', message: 'not yours' });
  });
});
