// @beacon/simulator: the 17 departments of one typhoon pass, sending through Beacon's public HTTP
// API as the departments' own systems would. It knows Beacon only by shared/ and that API.
export { DEFAULT_STORM_PASS_MS, demoIntervalMs, startSimulator } from './simulator.ts';
export type { Simulator, SimulatorOptions } from './simulator.ts';
export type { Backoff, SimulatorLog } from './delivery.ts';
export { generateRecords, generatedCategories } from './departments/generate.ts';
export { rainReadings } from './departments/meteorology.ts';
export { SIMULATED_REGION_ID } from './departments/places.ts';
