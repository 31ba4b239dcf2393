import type { Sql } from '@beacon/db';
import { categories, isDepartmentId } from '@beacon/shared';
import { serviceCredential, type DepartmentCredential } from '../../credentials/department-keys.ts';
import { BODY_LIMIT, GRID_BODY_LIMIT } from '../http-routes.ts';
import type { IngestPipeline } from '../pipeline.ts';
import type { BackoffPolicy } from './backoff.ts';
import { PullConnector, type ConnectorStatus, type PullConnectorConfig } from './pull-connector.ts';

export type { ConnectorStatus, PullConnectorConfig } from './pull-connector.ts';

export interface PullConnectorsOptions {
  sql: Sql;
  pipeline: IngestPipeline;
  connectors: PullConnectorConfig[];
  /** Default: first retry after about min(intervalMs, 5 s), doubling to at most 5 minutes. */
  backoff?: Partial<BackoffPolicy>;
  /** Consecutive failures after which a connector is "failing" rather than "backing-off". Default 5. */
  failingAfter?: number;
  /** Wall-clock for the status times (not the app's data clock, which tests pin). */
  clock?: () => number;
  random?: () => number;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export interface PullConnectors {
  /** Clears every timer, aborts fetches in flight and waits for a poll that is storing. */
  stop(): Promise<void>;
  /** A copy of every connector's status, in configuration order. */
  statuses(): ConnectorStatus[];
}

/**
 * Polls department systems that can only be polled, feeding what they return through the one ingest
 * pipeline. Each connector writes as its department with a credential labelled "pull:<id>", found or
 * made on the first poll (so a database that is down at start shows as a failing connector, not a crash).
 */
export function startPullConnectors(options: PullConnectorsOptions): PullConnectors {
  checkConfigs(options.connectors);
  const clock = options.clock ?? Date.now;
  const connectors = options.connectors.map((config) => {
    let credential: Promise<DepartmentCredential> | null = null;
    const category = categories.get(config.category)!;
    return new PullConnector(config, {
      pipeline: options.pipeline,
      credential: () => (credential ??= serviceCredential(options.sql, config.department, `pull:${config.id}`).catch((err) => {
        credential = null;
        throw err;
      })),
      backoff: { baseMs: options.backoff?.baseMs ?? Math.min(config.intervalMs, 5000), maxMs: options.backoff?.maxMs ?? 5 * 60_000 },
      failingAfter: options.failingAfter ?? 5,
      maxBytes: category.kind === 'grid' ? GRID_BODY_LIMIT : BODY_LIMIT * 4,
      clock,
      random: options.random ?? Math.random,
      onChange: (status, previous) => {
        const log = status.state === 'ok' ? options.log?.info : options.log?.warn;
        log?.call(options.log, { connector: status.id, from: previous, to: status.state, error: status.lastError?.message }, 'pull connector state changed');
      },
    });
  });
  for (const c of connectors) c.start();
  return {
    stop: async () => {
      await Promise.all(connectors.map((c) => c.stop()));
    },
    statuses: () => connectors.map((c) => structuredClone(c.status)),
  };
}

/** Refuses a bad configuration at start, every problem at once. */
function checkConfigs(configs: PullConnectorConfig[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, c] of configs.entries()) {
    const at = `pull connector ${i} (${c.id ?? 'no id'})`;
    if (!c.id || !/^[A-Za-z0-9._-]{1,64}$/.test(c.id)) problems.push(`${at}: id must be 1-64 letters, digits, ".", "_" or "-"`);
    if (seen.has(c.id)) problems.push(`${at}: id is used twice`);
    seen.add(c.id);
    if (!isDepartmentId(c.department)) problems.push(`${at}: no department "${c.department}"`);
    const category = categories.get(c.category);
    if (!category) problems.push(`${at}: no category "${c.category}"`);
    else if (category.department !== c.department) problems.push(`${at}: ${c.category} belongs to ${category.department}, not ${c.department}`);
    if (!/^https?:\/\//.test(c.url ?? '') || !URL.canParse(c.url)) problems.push(`${at}: url must be an http(s) URL`);
    if (!Number.isInteger(c.intervalMs) || c.intervalMs < 10) problems.push(`${at}: intervalMs must be a whole number ≥ 10`);
    if (c.timeoutMs !== undefined && (!Number.isInteger(c.timeoutMs) || c.timeoutMs < 1)) problems.push(`${at}: timeoutMs must be a whole number ≥ 1`);
  }
  if (problems.length) throw new Error(`invalid pull connector configuration:\n  ${problems.join('\n  ')}`);
}
