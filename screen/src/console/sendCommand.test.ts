import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.ts';
import { newCommandId, sendCommand, type Poster } from './sendCommand.ts';

const cmd = { kind: 'incident.acknowledge', incidentId: 'INC-1' } as const;
const noSleep = { sleep: async () => {} };

describe('sendCommand', () => {
  it('retries a network failure with the same commandId', async () => {
    const seen: string[] = [];
    const retries: number[] = [];
    const post: Poster = async (b) => {
      seen.push(b.commandId);
      if (seen.length < 3) throw new TypeError('Failed to fetch');
      return { commandId: b.commandId, seq: 7, at: 1, duplicate: seen.length > 1 };
    };
    const r = await sendCommand(cmd, '已接报', { post, onRetry: (n) => retries.push(n), ...noSleep });
    expect(r.seq).toBe(7);
    expect(new Set(seen).size).toBe(1);
    expect(seen).toHaveLength(3);
    expect(retries).toEqual([1, 2]);
  });

  it('does not retry an answer: a refusal is final and keeps the server\'s message', async () => {
    let calls = 0;
    const post: Poster = async () => {
      calls++;
      throw new ApiError(409, 'BEACON_ALREADY_ACKNOWLEDGED', 'incident "INC-1" was acknowledged by x');
    };
    await expect(sendCommand(cmd, 'r', { post, ...noSleep })).rejects.toThrow('acknowledged by x');
    expect(calls).toBe(1);
  });

  it('gives up after the last retry', async () => {
    let calls = 0;
    const post: Poster = async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    };
    await expect(sendCommand(cmd, 'r', { post, retries: 2, ...noSleep })).rejects.toThrow('Failed to fetch');
    expect(calls).toBe(3);
  });

  it('makes v4 UUIDs without crypto.randomUUID', () => {
    const id = newCommandId((b) => b.fill(0xff));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCommandId()).not.toBe(newCommandId());
  });
});
