import type { Refusal } from '../errors/error-body.schema.ts';
import type { PatchedDelta } from '../state/delta.ts';
import type { LiveState } from '../state/live-state.ts';
import type { ViewRef } from '../views/view.ts';

/**
 * Bumped on any incompatible change; a screen that sees another version reloads itself.
 * 3: deltas carry `removed` (entities that left the view); snapshots are acknowledged like deltas.
 * 4: a delta may carry records as `patches` (the changed data fields of a record the screen holds,
 *    `base` its seq) instead of whole in `latest`; a screen holding another record subscribes again.
 * 5: a delta asks for an acknowledgement only now and then (the `ack` argument is there or not);
 *    acknowledging a message acknowledges every message before it. A screen may have a few
 *    messages unacknowledged (8) before the hub holds its changes back and merges them.
 */
export const PROTOCOL_VERSION = 5;

/** A socket event refuses with the HTTP API's error shape, less the HTTP status (shared/src/errors). */
export type SubscribeResult = { ok: true; mode: 'snapshot' | 'resume'; seq: number } | { ok: false; error: Refusal };

/** Facts the server tells screens. Times are epoch ms of the server's clock. */
export interface ServerToClientEvents {
  /**
   * The whole state of the subscribed view, after a subscribe, or when a screen stayed silent so
   * long that the changes it missed outgrew what the hub keeps for it. Acknowledge by calling `ack`
   * once applied (it counts in the window like a delta).
   */
  'view:snapshot': (message: { protocol: number; serverTime: number; view: ViewRef; state: LiveState }, ack: () => void) => void;
  /**
   * What changed in the view, at most once per hub tick, coalesced while the screen has too many
   * messages unacknowledged: records that changed or entered the view, and `removed`,
   * the entities that left it. To a screen that took every earlier message, a record of an entity
   * it holds may come as a patch (`patches`, when smaller than the record): apply with
   * applyPatchedDelta, and when it says out of step, subscribe again without `since`. When `ack` is
   * given, call it once applied: that acknowledges this message and every one before it; the hub
   * sends a few messages ahead of the acknowledgements, and no more.
   */
  'view:delta': (message: { protocol: number; serverTime: number; view: ViewRef; delta: PatchedDelta }, ack?: () => void) => void;
  /** Every few seconds: a quiet feed is not a dead connection; also corrects the screen's clock. */
  'server:heartbeat': (message: { protocol: number; serverTime: number; seq: number }) => void;
}

/** What screens ask of the server (imperative). */
export interface ClientToServerEvents {
  /**
   * Show this view. With `since` (the seq of the last state the screen holds) the server resumes
   * with one delta when it still has the changes since then, else sends a fresh snapshot.
   */
  'view:subscribe': (request: { protocol: number; view: ViewRef; since?: number }, ack: (result: SubscribeResult) => void) => void;
}
