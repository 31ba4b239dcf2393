import { liveStateFromJson, type LiveState } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import type postgres from 'postgres';
import { prune } from '../retention/prune.ts';
import { retentionFromEnv, type RetentionPolicy } from '../retention/retention-policy.ts';

/** The newest snapshot at or below `atOrBefore` (default: the newest of all), or null. */
export async function loadSnapshot(sql: Sql, atOrBefore?: number): Promise<LiveState | null> {
  const rows = atOrBefore === undefined
    ? await sql<{ state: LiveState }[]>`select state from state_snapshots order by seq desc limit 1`
    : await sql<{ state: LiveState }[]>`select state from state_snapshots where seq <= ${atOrBefore} order by seq desc limit 1`;
  // Snapshots taken before commands existed lack the command slice. JSON gives plain objects: the maps
  // keyed by ids become null-prototype dictionaries again, so an id like `constructor` is only a key.
  return rows[0] ? liveStateFromJson(rows[0].state) : null;
}

/** Stores a snapshot; several nodes may take the same one, the first wins. */
export async function saveSnapshot(sql: Sql, state: LiveState): Promise<void> {
  await sql`insert into state_snapshots (seq, state) values (${state.seq}, ${sql.json(state as unknown as postgres.JSONValue)})
            on conflict (seq) do nothing`;
}

/**
 * Events between snapshots: the trade between a replay seek and ingest. A seek folds the log from the
 * newest snapshot at or before the moment, so this bounds its work; every snapshot costs ingest a save.
 * - Seek: folding runs at ~110–135k events/s (bench:replay's fast-forward, 2026-12-07), so 10,000
 *   events are ≤ ~90 ms on top of reading them, under the 250 ms a seek may take. (At 5,000, seek p99
 *   was 53 ms: a margin the seek does not need.)
 * - Ingest: a save is ~20 ms (the storm's state is 0.41 MB as JSON, 0.09 MB stored, at 1M events of
 *   the simulated storm: PostgreSQL parses and compresses it, the server serialises it), 4 ms per 1,000
 *   events at 5,000 — a tenth of what ingest spends on them (bench:ingest). 10,000 halves that.
 * - The 60× simulator reaches 10,000 events every ~6 s. Restarts fold at most this many events on top of
 *   the newest snapshot as well (~0.1 s).
 */
export const SNAPSHOT_EVERY_EVENTS = 10_000;

export interface SnapshotPolicy {
  /** Take one after this many events since the last (default SNAPSHOT_EVERY_EVENTS). */
  everyEvents?: number;
  /**
   * What to prune after each snapshot is stored (default: from BEACON_… variables, see
   * retention/retention-policy.ts); false for nothing. Pruning rides on snapshots because they come
   * with the log's growth: a quiet system neither grows nor prunes.
   */
  retention?: RetentionPolicy | false;
}

/**
 * Takes snapshots in the background as the engine folds events. Writing never blocks folding: a
 * snapshot is a reference to an immutable state, serialised while the engine moves on.
 */
export class SnapshotWriter {
  #since = 0;
  #writing: Promise<void> | null = null;
  readonly #retention: RetentionPolicy | false;

  constructor(
    private readonly sql: Sql,
    private readonly policy: SnapshotPolicy = {},
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    // Read at start, so a misspelt value stops the server with the variable's name.
    this.#retention = policy.retention ?? retentionFromEnv(process.env);
  }

  noteApplied(count: number, state: LiveState): void {
    this.#since += count;
    if (this.#since < (this.policy.everyEvents ?? SNAPSHOT_EVERY_EVENTS) || this.#writing) return;
    this.#since = 0;
    const retention = this.#retention;
    this.#writing = saveSnapshot(this.sql, state)
      .then(async () => {
        if (retention) await prune(this.sql, retention);
      })
      .catch(this.onError)
      .finally(() => {
        this.#writing = null;
      });
  }

  /** Waits for a snapshot being written (on close). */
  async settle(): Promise<void> {
    await this.#writing;
  }
}
