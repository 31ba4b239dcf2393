import { connectDatabase, type Database } from '@beacon/db';
import { buildApp, type BeaconOptions } from '@beacon/server';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { createKioskToken } from '@beacon/server/auth/kiosk.ts';
import { createUser } from '@beacon/server/auth/users.ts';
import { USER_TOKEN_TTL_MS } from '@beacon/server/auth/tokens.ts';
import type { Region, UserRole } from '@beacon/shared';
import { testRegion } from '@beacon/shared/test-region.ts';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  /** The city the app runs on. */
  region: Region;
  baseUrl: string;
  /** A live meteorology key. */
  meteorologyKey: string;
  /** A live wall kiosk token (view only). */
  wallToken: string;
  /** A token per signed-in role, as sign-in would issue it. */
  tokens: Record<UserRole, string>;
  close(): Promise<void>;
}

/**
 * Tokens as sign-in issues them, for real users named after their role (id "test-commander"), made
 * once per database: tokens of unknown or disabled users are refused.
 */
export async function tokensFor(app: FastifyInstance, sql: Database['sql']): Promise<Record<UserRole, string>> {
  const issue = async (role: UserRole) => {
    const actor = { id: `test-${role}`, name: `${role} (test)`, role };
    const [exists] = await sql`select 1 from users where id = ${actor.id}`;
    if (!exists) await createUser(sql, { id: actor.id, username: actor.id, displayName: actor.name, role }).catch(() => {}); // another node of the test may have made it
    return (await app.tokens.issue(actor, 'user', USER_TOKEN_TTL_MS)).token;
  };
  return { duty: await issue('duty'), commander: await issue('commander'), admin: await issue('admin') };
}

/**
 * The real app on a real port over a real database, on the region of the run (BEACON_TEST_REGION,
 * @beacon/shared/test-region.ts); only the clock and the screen folder are chosen by the test.
 * `fastifyOptions` reach Fastify as given (e.g. a logger whose lines the test reads).
 */
export async function startTestServer(
  databaseUrl: string,
  options: Omit<BeaconOptions, 'db'> = {},
  fastifyOptions?: FastifyServerOptions,
): Promise<TestServer> {
  const db = connectDatabase(databaseUrl, { max: 4 });
  const region = options.region ?? testRegion();
  const app = await buildApp({ screenDir: null, ...options, region, db }, fastifyOptions ?? (process.env.DBG ? { logger: { level: 'error' } } : {}));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const { key } = await createDepartmentKey(db.sql, 'meteorology', 'test');
  const wall = await createKioskToken(db.sql, app.tokens, 'test wall');
  return {
    app,
    db,
    region,
    baseUrl: `http://127.0.0.1:${port}`,
    meteorologyKey: key,
    wallToken: wall.token,
    tokens: await tokensFor(app, db.sql),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
