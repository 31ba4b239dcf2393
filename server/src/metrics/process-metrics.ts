import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | null = null;

/**
 * prom-client's default metrics — CPU, memory, heap, handles, GC, and the event-loop delay
 * (`nodejs_eventloop_lag_seconds`, `nodejs_eventloop_lag_p99_seconds`, …) — once per process: they
 * describe the process, not one app, and each collection starts monitors that are never stopped (so
 * several apps in one process, as in the tests, must share them). Their standard names are kept
 * (no `beacon_` prefix): Node.js dashboards and alerts know them by these.
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
