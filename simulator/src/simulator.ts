/**
 * Feeds Beacon as the 17 departments' own systems would: per category (rain gauges are one of the
 * 56), on roughly its expected interval (sped up so the wall is lively), a batch of that moment's
 * records POSTed to /api/v1/ingest/<category> with that department's key. Delivery (retries,
 * backoff, 429) is delivery.ts's; at most one send per category is in flight, a tick that finds one
 * is skipped, not queued, so an outage never piles up.
 */
import { MAX_BATCH_RECORDS, categories, type DepartmentId } from '@beacon/shared';
import { deliverBatch, type Backoff, type Delivery, type SimulatorLog } from './delivery.ts';
import { generateRecords, generatedCategories } from './departments/generate.ts';
import { hash01, scenarioPhase } from './storm.ts';

export interface SimulatorOptions {
  /** Beacon's base URL, e.g. "http://127.0.0.1:3000". */
  baseUrl: string;
  /** An API key per department; categories of departments without a key are not sent. */
  keys: Partial<Record<DepartmentId, string>>;
  /** Which categories to send (default: all 56, of the departments that have a key). */
  categories?: readonly string[];
  /** Real time one storm pass takes before the scenario repeats (default 30 min). */
  stormPassMs?: number;
  /** Where in the pass to begin (0 calm, 0.5 landfall): lets a demo start near the peak. */
  startPhase?: number;
  /** Expected intervals are divided by this (default 60: a 5-minute feed sends every 5 s)… */
  speedup?: number;
  /** …and kept within these bounds (default 5 s to 30 s). */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  log?: SimulatorLog;
  backoff?: Partial<Backoff>;
  /** A request taking longer than this is aborted and retried like a network error. */
  requestTimeoutMs?: number;
}

export interface Simulator {
  /** The categories being sent, each with its tick interval. */
  readonly schedule: ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

export const DEFAULT_STORM_PASS_MS = 30 * 60_000;
const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000 };

/** How often a category is sent in the demo: its expected interval sped up, within the bounds. */
export function demoIntervalMs(category: string, speedup = 60, minMs = 5_000, maxMs = 30_000): number {
  const expected = categories.get(category)?.expectedIntervalMs ?? maxMs;
  return Math.round(Math.min(maxMs, Math.max(minMs, expected / speedup)));
}

export function startSimulator(options: SimulatorOptions): Simulator {
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const stormPassMs = options.stormPassMs ?? DEFAULT_STORM_PASS_MS;
  const startedAt = now();
  const stopping = new AbortController();
  const base = options.baseUrl.replace(/\/+$/, '');
  const wanted = options.categories ?? generatedCategories;
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();
  const schedule = new Map<string, number>();

  for (const category of wanted) {
    const definition = categories.get(category);
    if (!definition) throw new RangeError(`simulator: no category "${category}"`);
    const apiKey = options.keys[definition.department];
    if (!apiKey) continue;
    const intervalMs = demoIntervalMs(category, options.speedup, options.minIntervalMs, options.maxIntervalMs);
    schedule.set(category, intervalMs);
    const delivery: Delivery = {
      label: `simulator (${category})`,
      url: `${base}/api/v1/ingest/${category}`,
      apiKey,
      fetch: options.fetch ?? globalThis.fetch,
      log,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      signal: stopping.signal,
      lastRejection: { line: '' },
    };
    let sending: Promise<void> | null = null;
    const tick = () => {
      if (stopping.signal.aborted || sending) return; // skipped, not queued: an outage never piles up
      const at = now();
      const records = generateRecords(category, scenarioPhase(at - startedAt, stormPassMs, options.startPhase ?? 0), new Date(at).toISOString());
      if (records.length === 0) return; // nothing to say yet (a warning not issued, no incident reported)
      sending = sendInBatches(delivery, records).finally(() => {
        inFlight.delete(sending!);
        sending = null;
      });
      inFlight.add(sending);
    };
    // Stagger the first tick over the interval so 55 feeds do not all fire in the same millisecond.
    const first = setTimeout(() => {
      tick();
      timers.push(setInterval(tick, intervalMs));
    }, Math.floor(hash01(`start:${category}`) * intervalMs));
    timers.push(first);
  }

  log.info(`simulator: ${schedule.size} categories of ${new Set([...schedule.keys()].map((c) => categories.get(c)!.department)).size} departments to ${base}, one storm pass per ${Math.round(stormPassMs / 60_000)} min`);

  return {
    schedule,
    async stop() {
      stopping.abort();
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
      await Promise.all(inFlight);
    },
  };
}

/** Sends the records in batches of at most MAX_BATCH_RECORDS, one after another. */
async function sendInBatches(delivery: Delivery, records: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < records.length && !delivery.signal.aborted; i += MAX_BATCH_RECORDS) {
    await deliverBatch(delivery, JSON.stringify({ records: records.slice(i, i + MAX_BATCH_RECORDS) }));
  }
}
