import type { Database } from '@beacon/db';
import { xiamen, type Region } from '@beacon/shared';
import { describe, expect, it } from 'vitest';
import { createFastify } from '../app.ts';
import { replayRoutes } from '../replay/replay-routes.ts';
import { core } from './core-plugin.ts';

// Never queried: with a clock given, the core plugin asks the database nothing.
const db = { sql: null, close: async () => {} } as unknown as Database;

describe('the core plugin', () => {
  it('decorates the database, the region and the clock once: Xiamen unless a region is given', async () => {
    const plain = createFastify();
    await plain.register(core, { db, now: () => 42 }).ready();
    expect(plain.db).toBe(db);
    expect(plain.region).toBe(xiamen);
    expect(plain.clock.now()).toBe(42);
    await plain.close();

    const elsewhere: Region = { ...xiamen, name: { zh: '测试市', en: 'Test City' } };
    const other = createFastify();
    await other.register(core, { db, region: elsewhere, now: () => 7 }).ready();
    expect(other.region).toBe(elsewhere);
    await other.close();
  });

  it('is what a capability needs first: without it (or another plugin it declares) a route plugin refuses to start, naming what is missing', async () => {
    const bare = createFastify();
    await expect(bare.register(replayRoutes).ready()).rejects.toThrow(/decorator 'db' required by 'beacon-replay-routes'/);
    await bare.close().catch(() => {});

    const unguarded = createFastify();
    await unguarded.register(core, { db, now: () => 0 });
    await expect(unguarded.register(replayRoutes).ready()).rejects.toThrow(/beacon-access-control/);
    await unguarded.close().catch(() => {});
  });
});
