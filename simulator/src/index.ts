export {
  LANDFALL_PHASE,
  STORM_HOURS_PER_PASS,
  gaugeRainfall1h,
  normalizePhase,
  orographicFactor,
  rainfallField,
  scenarioPhase,
  stormAt,
  stormHourAt,
} from './storm.ts';
export type { GaugeLocation, Phase, StormState } from './storm.ts';
export { DEFAULT_INTERVAL_MS, DEFAULT_STORM_PASS_MS, buildRainBatch, startRainSimulator } from './feeder.ts';
export type { Backoff, RainSimulator, RainSimulatorOptions, SimulatorLog } from './feeder.ts';
