export { generateRecords, generatedCategories } from './generate.ts';
export { demoIntervalMs, startDepartmentSimulators } from './feeder.ts';
export type { DepartmentSimulatorOptions, DepartmentSimulators } from './feeder.ts';
