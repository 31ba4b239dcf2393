import { PROTOCOL_VERSION } from '@beacon/shared';

/** Server time minus local time at receipt: add it to Date.now() to get the server's "now". */
export function clockOffset(serverTime: number, localReceivedAt: number): number {
  return serverTime - localReceivedAt;
}

export function isCompatible(protocol: number): boolean {
  return protocol === PROTOCOL_VERSION;
}

const RELOAD_KEY = 'beacon.protocolReloadAt';
const RELOAD_GUARD_MS = 30_000;

/**
 * Reloads to pick up a screen that speaks the server's protocol, at most once per 30 s, so a
 * server that still serves an old build cannot throw the wall into a reload loop.
 */
export function reloadForProtocol(storage: Pick<Storage, 'getItem' | 'setItem'>, now: number, reload: () => void): boolean {
  const last = Number(storage.getItem(RELOAD_KEY) ?? 0);
  if (now - last < RELOAD_GUARD_MS) return false;
  storage.setItem(RELOAD_KEY, String(now));
  reload();
  return true;
}
