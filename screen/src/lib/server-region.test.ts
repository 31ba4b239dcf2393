import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REGION_ID, regionById, riverton } from '@beacon/shared';
import { serverRegion } from './server-region.ts';

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('serverRegion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the region the server names', async () => {
    vi.stubGlobal('fetch', vi.fn(answer(200, { id: 'riverton', name: riverton.name })));
    expect(await serverRegion()).toBe(riverton);
  });

  it('falls back to the default region, saying why, when the server names one this build lacks or does not answer', async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.stubGlobal('fetch', vi.fn(answer(200, { id: 'atlantis', name: { zh: '', en: '' } })));
    expect(await serverRegion()).toBe(regionById(DEFAULT_REGION_ID));
    vi.stubGlobal('fetch', vi.fn(answer(503, { code: 'BEACON_STARTING', message: 'starting' })));
    expect(await serverRegion()).toBe(regionById(DEFAULT_REGION_ID));
    expect(said.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/"atlantis"/), expect.stringMatching(/failed/)]);
    said.mockRestore();
  });
});
