import type { BeaconEvent } from '../events.ts';
import type { LiveState } from '../state/live-state.ts';

/** Bumped on any incompatible change; a screen that sees another version reloads itself. */
export const PROTOCOL_VERSION = 1;

/** Facts the server tells screens, past tense or nouns. Times are epoch ms of the server's clock. */
export interface ServerToClientEvents {
  /** The whole state a screen needs, sent on connect. */
  'state:snapshot': (message: { protocol: number; serverTime: number; state: LiveState }) => void;
  /** Events committed since the last message, at most one message per hub tick, in log order. */
  'state:events': (message: { protocol: number; serverTime: number; events: BeaconEvent[] }) => void;
  /** Sent every few seconds so a screen can tell a quiet feed from a dead connection and correct its clock. */
  'server:heartbeat': (message: { protocol: number; serverTime: number; seq: number }) => void;
}

/** Screens only listen in this slice; commands arrive with the console. */
export type ClientToServerEvents = Record<string, never>;
