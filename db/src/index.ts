// The embedded cluster is a separate entry (@beacon/db/embedded): importing it installs exit hooks
// (async-exit-hook) that force exit code 0, which must not leak into processes that only query.
export * from './client.ts';
export * from './migrate.ts';
export * as schema from './schema/index.ts';
