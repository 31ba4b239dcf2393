import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import type { SurroundingsAnswer } from '@beacon/shared';
import { useSurroundings, type SurroundingsFetcher } from './useSurroundings.ts';

/** A fetcher whose answers the test releases one by one, recording each call and its abort signal. */
function controlledFetcher() {
  const calls: { id: string; signal: AbortSignal; resolve: (a: SurroundingsAnswer) => void; reject: (e: Error) => void }[] = [];
  const fetcher: SurroundingsFetcher = (id, signal) => new Promise((resolve, reject) => calls.push({ id, signal, resolve, reject }));
  return { fetcher, calls };
}
const answerFor = (id: string, asOf = 0) => ({ asOf, incident: { incidentId: id } }) as unknown as SurroundingsAnswer;
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await nextTick();
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useSurroundings', () => {
  it('fetches at once, then 10 s after each answer, never two requests at a time', async () => {
    const { fetcher, calls } = controlledFetcher();
    const scope = effectScope();
    const s = scope.run(() => useSurroundings('INC-1', { fetcher }))!;
    expect(calls).toHaveLength(1);

    // A slow server: 25 s with no answer, and still only the one request.
    await vi.advanceTimersByTimeAsync(25_000);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(answerFor('INC-1', 1));
    await settle();
    expect(s.answer.value?.asOf).toBe(1);

    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    scope.stop();
  });

  it('keeps the last answer when a refresh fails, says why, and tries again', async () => {
    const { fetcher, calls } = controlledFetcher();
    const scope = effectScope();
    const s = scope.run(() => useSurroundings('INC-1', { fetcher }))!;
    calls[0]!.resolve(answerFor('INC-1', 1));
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);
    calls[1]!.reject(new Error('HTTP 503'));
    await settle();
    expect(s.answer.value?.asOf).toBe(1);
    expect(s.error.value).toBe('HTTP 503');
    await vi.advanceTimersByTimeAsync(10_000);
    calls[2]!.resolve(answerFor('INC-1', 3));
    await settle();
    expect(s.error.value).toBeNull();
    expect(s.answer.value?.asOf).toBe(3);
    scope.stop();
  });

  it('switching incident cancels the request in flight and ignores its late answer', async () => {
    const { fetcher, calls } = controlledFetcher();
    const id = ref<string | null>('INC-1');
    const scope = effectScope();
    const s = scope.run(() => useSurroundings(id, { fetcher }))!;
    id.value = 'INC-2';
    await nextTick();
    expect(calls.map((c) => [c.id, c.signal.aborted])).toEqual([['INC-1', true], ['INC-2', false]]);
    calls[1]!.resolve(answerFor('INC-2'));
    calls[0]!.resolve(answerFor('INC-1'));
    await settle();
    expect(s.answer.value?.incident?.incidentId).toBe('INC-2');

    // No incident: nothing is shown and nothing is asked.
    id.value = null;
    await nextTick();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.answer.value).toBeNull();
    expect(calls).toHaveLength(2);
    scope.stop();
  });

  it('stops asking when its scope is disposed', async () => {
    const { fetcher, calls } = controlledFetcher();
    const scope = effectScope();
    scope.run(() => useSurroundings('INC-1', { fetcher }));
    calls[0]!.resolve(answerFor('INC-1'));
    await settle();
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);

    const second = effectScope();
    second.run(() => useSurroundings('INC-9', { fetcher }));
    second.stop();
    expect(calls[1]!.signal.aborted).toBe(true);
  });

  it('sends the wall\'s token to GET /api/v1/incidents/:id/surroundings and words a refusal from the server', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ message: 'no incident "A/B"' }), { status: 404 }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const scope = effectScope();
      const s = scope.run(() => useSurroundings('A/B', { token: () => 'kiosk-token' }))!;
      await settle();
      await settle();
      expect(fetchMock).toHaveBeenCalledWith('/api/v1/incidents/A%2FB/surroundings', expect.objectContaining({ headers: { authorization: 'Bearer kiosk-token' } }));
      expect(s.error.value).toBe('no incident "A/B"');
      scope.stop();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
