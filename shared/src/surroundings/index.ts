export * from './answer.schema.ts';
export * from './travel.ts';
export * from './conditions.ts';
export * from './points.ts';
export * from './watch-points.ts';
export * from './population.ts';
export * from './surroundings.ts';
export * from './incident.ts';
