import type { Sql } from '@beacon/db';
import { Counter, Gauge, Registry } from 'prom-client';
import type { LiveEngine } from '../engine/live-engine.ts';
import { readiness } from '../engine/readiness.ts';
import type { SocketHub } from '../hub/socket-hub.ts';

export interface ScrapeSources {
  sql: Sql;
  engine: LiveEngine;
  hub: () => SocketHub | undefined;
}

/**
 * The series read when Prometheus scrapes: where the log and this node stand, the newest snapshot,
 * the screens connected, the database's connections. `refresh()` reads them all, then the registry
 * is rendered (prom-client renders metrics in parallel, so values set from an async `collect` of
 * one metric could miss another's rendering). What the database cannot answer is NaN, not a stale
 * or made-up number, and `beacon_database_up` says why.
 */
export class ScrapeGauges {
  readonly registry = new Registry();
  readonly #gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [this.registry] });

  readonly #ready = this.#gauge('beacon_ready', '1 when this node is ready — the database answers and the log as of its start is folded in — else 0; GET /api/v1/ready answers 200 exactly then.');
  readonly #databaseUp = this.#gauge('beacon_database_up', '1 when the database answered this scrape (the log\'s head could be read), else 0: the series read from it are NaN then.');
  readonly #head = this.#gauge('beacon_log_head_seq', 'The newest sequence number visible in the event log.');
  readonly #folded = this.#gauge('beacon_log_folded_seq', 'The newest sequence number this node has folded into its live state (every number at or below it settled).');
  readonly #behind = this.#gauge('beacon_log_behind_events',
    'Log follower lag: sequence numbers between the log\'s head and this node\'s folded position (numbers that never committed included). '
    + 'Held up while a writer\'s transaction is open below the head; on every node alike.');
  readonly #snapshotAge = this.#gauge('beacon_snapshot_age_seconds', 'Seconds since the newest state snapshot was stored, by the database\'s clock; NaN while there is none. Grows while no events come (none is needed then).');
  readonly #snapshotBehind = this.#gauge('beacon_snapshot_behind_events',
    'Sequence numbers between the newest state snapshot (0 when there is none) and this node\'s folded position: what a restart would fold on top of the snapshot.');
  readonly #unfoldable = new Counter({
    name: 'beacon_unfoldable_events_total',
    help: 'Log events this node could not fold since it started: each skipped visibly (logged, counted in its feed\'s health on every screen), the rest of its page folded.',
    registers: [this.registry],
  });
  readonly #subscriptions = this.#gauge('beacon_hub_subscriptions', 'Screens subscribed to a live view on this node (one per socket.io connection), by view kind.', ['view_kind']);
  readonly #sockets = this.#gauge('beacon_hub_sockets', 'socket.io connections open on this node, by namespace: / (live views) and /replay.', ['namespace']);
  readonly #dbConnections = this.#gauge('beacon_db_connections',
    'This process\'s connections to the database (its query pools and its LISTEN connection, named beacon#<pid>@<host> in application_name), '
    + 'by state (active, idle, idle in transaction, …), as PostgreSQL\'s pg_stat_activity shows them; this scrape\'s own left out.', ['state']);
  readonly #poolMax = this.#gauge('beacon_db_pool_max_connections', 'The most connections this node\'s query pool (postgres.js) opens; a query waits when all are busy.');

  async refresh({ sql, engine, hub }: ScrapeSources): Promise<void> {
    const answer = await readiness(engine);
    const up = answer.error === undefined;
    this.#ready.set(answer.ready ? 1 : 0);
    this.#databaseUp.set(up ? 1 : 0);
    this.#folded.set(answer.health.seq);
    this.#head.set(answer.health.head ?? Number.NaN);
    this.#behind.set(answer.health.behind ?? Number.NaN);
    this.#unfoldable.reset();
    this.#unfoldable.inc(engine.unfoldable.count);
    this.#poolMax.set(sql.options.max);
    this.refreshHub(hub());
    await Promise.all([this.refreshSnapshot(sql, answer.health.seq, up), this.refreshConnections(sql, up)]);
  }

  private refreshHub(hub: SocketHub | undefined): void {
    this.#subscriptions.reset();
    this.#sockets.reset();
    if (!hub) return;
    for (const [kind, count] of hub.subscriptions.countByViewKind()) this.#subscriptions.set({ view_kind: kind }, count);
    for (const namespace of ['/', '/replay']) this.#sockets.set({ namespace }, hub.io.of(namespace).sockets.size);
  }

  private async refreshSnapshot(sql: Sql, folded: number, up: boolean): Promise<void> {
    const rows = up
      ? await sql<{ seq: string; age: number }[]>`select seq::text, extract(epoch from now() - taken_at)::float8 as age from state_snapshots order by seq desc limit 1`.catch(() => null)
      : null;
    if (!rows) {
      this.#snapshotAge.set(Number.NaN);
      this.#snapshotBehind.set(Number.NaN);
      return;
    }
    const newest = rows[0];
    this.#snapshotAge.set(newest ? newest.age : Number.NaN);
    this.#snapshotBehind.set(Math.max(0, folded - Number(newest?.seq ?? 0)));
  }

  private async refreshConnections(sql: Sql, up: boolean): Promise<void> {
    this.#dbConnections.reset();
    if (!up) return;
    const rows = await sql<{ state: string | null; n: number }[]>`
      select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = current_setting('application_name') and pid <> pg_backend_pid()
      group by 1`.catch(() => []);
    for (const row of rows) this.#dbConnections.set({ state: row.state ?? 'unknown' }, row.n);
  }
}
