import { xiamen, MAX_BATCH_RECORDS } from '@beacon/shared';
import type { RainBatch, RainGauge, RainReading } from '@beacon/shared';
import { gaugeRainfall1h, scenarioPhase } from './storm.ts';
import { deliverBatch } from './delivery.ts';
import type { Backoff, SimulatorLog } from './delivery.ts';

export type { Backoff, SimulatorLog } from './delivery.ts';

export interface RainSimulatorOptions {
  /** Beacon's base URL, e.g. "http://127.0.0.1:3000" (a path prefix behind a proxy is kept). */
  baseUrl: string;
  /** The meteorology department's API key. */
  apiKey: string;
  gauges?: readonly RainGauge[];
  /** How often one batch (one reading per gauge) is sent. */
  intervalMs?: number;
  /** Real time one storm pass takes before the scenario repeats. */
  stormPassMs?: number;
  /** Where in the pass to begin (0 calm, 0.5 landfall): lets a demo start near the peak. */
  startPhase?: number;
  now?: () => number;
  fetch?: typeof fetch;
  log?: SimulatorLog;
  backoff?: Partial<Backoff>;
  /** A request taking longer than this is aborted and retried like a network error. */
  requestTimeoutMs?: number;
}

export interface RainSimulator {
  stop(): Promise<void>;
}

export const DEFAULT_INTERVAL_MS = 5_000;
export const DEFAULT_STORM_PASS_MS = 30 * 60_000;
const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000 };

/** The readings every gauge reports at one instant; observedAt is the real clock, the storm its phase. */
export function buildRainBatch(gauges: readonly RainGauge[], observedAtMs: number, phase: number): RainBatch {
  const observedAt = new Date(observedAtMs).toISOString();
  const records: RainReading[] = gauges.map((gauge) => ({
    stationId: gauge.id,
    observedAt,
    rainfall1hMm: gaugeRainfall1h(gauge, phase),
  }));
  return { records };
}

/**
 * Posts one batch per tick to Beacon's public rain-gauge ingest, exactly as the meteorology
 * bureau's own system would. At most one send is ever in flight: a tick that finds the previous
 * batch still sending or retrying is skipped rather than queued, so an outage never piles up.
 */
export function startRainSimulator(options: RainSimulatorOptions): RainSimulator {
  const gauges = options.gauges ?? xiamen.rainGauges;
  if (gauges.length === 0 || gauges.length > MAX_BATCH_RECORDS) {
    throw new RangeError(`rain simulator: needs 1 to ${MAX_BATCH_RECORDS} gauges, got ${gauges.length}`);
  }
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const stormPassMs = options.stormPassMs ?? DEFAULT_STORM_PASS_MS;
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/ingest/rain-gauge`;
  const startedAt = now();
  const stopping = new AbortController();
  let inFlight: Promise<void> | null = null;
  let skippedTicks = 0;

  const delivery = {
    url,
    apiKey: options.apiKey,
    fetch: options.fetch ?? globalThis.fetch,
    log,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    signal: stopping.signal,
    lastRejection: { line: '' },
  };

  const tick = () => {
    if (stopping.signal.aborted) return;
    if (inFlight) {
      skippedTicks++;
      return;
    }
    if (skippedTicks > 0) {
      log.info(`rain simulator: skipped ${skippedTicks} tick(s) while the previous batch was still being delivered`);
      skippedTicks = 0;
    }
    const at = now();
    const batch = buildRainBatch(gauges, at, scenarioPhase(at - startedAt, stormPassMs, options.startPhase ?? 0));
    inFlight = deliverBatch(delivery, JSON.stringify(batch)).finally(() => {
      inFlight = null;
    });
  };

  log.info(
    `rain simulator: sending ${gauges.length} gauges every ${intervalMs} ms to ${url}, one storm pass per ${Math.round(stormPassMs / 60_000)} min`,
  );
  const timer = setInterval(tick, intervalMs);
  tick();

  return {
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await inFlight;
    },
  };
}
