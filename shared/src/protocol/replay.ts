import type { LocalName } from '../region/types.ts';
import type { StateDelta } from '../state/delta.ts';
import type { LiveState } from '../state/live-state.ts';
import type { Refusal } from '../errors/error-body.schema.ts';

/** Replay speeds a reviewer can choose. */
export const REPLAY_SPEEDS = [1, 10, 60, 600] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** Something worth jumping to when reviewing a response (复盘). */
export interface KeyMoment {
  /** Epoch ms (server receive time of the event). */
  at: number;
  seq: number;
  kind:
    | 'warning-issued' | 'warning-changed' | 'warning-lifted'
    | 'incident-opened' | 'incident-closed'
    | 'response-changed' | 'post-ordered' | 'post-milestone' | 'post-overdue' | 'wall-focus';
  /** A warning's colour level (blue…red) or the response level (IV…I, "none" when ended), where the moment has one. */
  level?: string;
  /** Who issued it, for command moments. */
  actor?: string;
  category: string;
  entityId: string;
  title: LocalName;
  /** Who sent it: the department, or "command" for a command issued in the hall. */
  department: string;
}

export interface ReplayWindow {
  from: number;
  to: number;
}

export type ReplayAck<T = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: Refusal };

/** Reviewer → server, on the `/replay` namespace. Each socket is its own replay session: live screens are untouched. */
export interface ReplayClientEvents {
  'replay:open': (request: { protocol: number; from: string; to: string }, ack: (result: ReplayAck<{ window: ReplayWindow; moments: KeyMoment[] }>) => void) => void;
  'replay:seek': (request: { at: string }, ack: (result: ReplayAck) => void) => void;
  'replay:play': (request: { speed: ReplaySpeed }, ack: (result: ReplayAck) => void) => void;
  'replay:pause': (request: Record<string, never>, ack: (result: ReplayAck) => void) => void;
}

/** Server → reviewer. */
export interface ReplayServerEvents {
  /** The whole state at replay time `at` (after open and every seek). */
  'replay:snapshot': (message: { at: number; state: LiveState }) => void;
  /** What changed while playing, up to replay time `at`. */
  'replay:delta': (message: { at: number; delta: StateDelta }) => void;
  /** Replay clock, a few times a second while playing and on every change. */
  'replay:clock': (message: { at: number; playing: boolean; speed: ReplaySpeed; window: ReplayWindow }) => void;
}
