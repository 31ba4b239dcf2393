import { EventEmitter } from 'node:events';

/**
 * Announces that an actor's access ended — a user disabled, a kiosk token revoked — so that the
 * sockets it holds open are cut at once rather than when its token expires (up to 30 days for a
 * wall). HTTP needs none of this: every request checks the users and kiosk tables.
 *
 * In-process, like the socket hub it serves: one Beacon process owns its sockets.
 */
export class AccessRevocations {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per guarded namespace; more is a leak worth hearing about.
    this.#emitter.setMaxListeners(8);
  }

  /** Ends every open session of this user or kiosk id. */
  revoke(actorId: string): void {
    this.#emitter.emit('revoked', actorId);
  }

  /** Calls `listener` with each revoked id; returns the unsubscribe. */
  onRevoked(listener: (actorId: string) => void): () => void {
    this.#emitter.on('revoked', listener);
    return () => this.#emitter.off('revoked', listener);
  }
}
