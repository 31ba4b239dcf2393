import { connectDatabase, type Database } from '@beacon/db';
import { buildApp, type BeaconOptions } from '@beacon/server';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import type { FastifyInstance } from 'fastify';

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  baseUrl: string;
  /** A live meteorology key. */
  meteorologyKey: string;
  close(): Promise<void>;
}

/** The real app on a real port over a real database; only the clock and the screen folder are chosen by the test. */
export async function startTestServer(
  databaseUrl: string,
  options: Omit<BeaconOptions, 'db'> = {},
): Promise<TestServer> {
  const db = connectDatabase(databaseUrl, { max: 4 });
  const app = await buildApp({ screenDir: null, ...options, db }, process.env.DBG ? { logger: { level: 'error' } } : {});
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const { key } = await createDepartmentKey(db.sql, 'meteorology', 'test');
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    meteorologyKey: key,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
