import type { Command } from '@beacon/shared';
import { ApiError } from '../lib/api.ts';

export interface CommandAccepted {
  commandId: string;
  seq: number;
  at: number;
  duplicate: boolean;
}

/** A v4 UUID; crypto.randomUUID only exists in secure contexts, and a hall tablet may reach the server over plain http. */
export function newCommandId(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type Poster = (body: { commandId: string; reason: string; command: Command }) => Promise<CommandAccepted>;

export interface SendOptions {
  post: Poster;
  /** Called before each retry (1, 2 …) so the screen can say it is retrying. */
  onRetry?: (attempt: number) => void;
  retries?: number;
  delayMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends one command. A network failure (no answer) is retried with the SAME commandId: the server
 * answers a repeat with the first outcome, so a command that did arrive never runs twice. An answer
 * from the server (accepted or refused) is final.
 */
export async function sendCommand(command: Command, reason: string, opts: SendOptions, commandId = newCommandId()): Promise<CommandAccepted> {
  const retries = opts.retries ?? 5;
  const delay = opts.delayMs ?? ((n) => Math.min(8000, 500 * 2 ** (n - 1)));
  const sleep = opts.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await opts.post({ commandId, reason, command });
    } catch (err) {
      const answered = err instanceof ApiError && err.status < 500;
      if (answered || attempt >= retries) throw err;
      opts.onRetry?.(attempt + 1);
      await sleep(delay(attempt + 1));
    }
  }
}
