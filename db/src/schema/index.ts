export * from './events.ts';
export * from './credentials.ts';
export * from './snapshots.ts';
export * from './auth.ts';
export * from './rate-limits.ts';
