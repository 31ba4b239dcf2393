import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, type Database } from '@beacon/db';
import { ERROR_CODES, errorCodes } from '@beacon/shared';
import { beacon, createFastify } from '@beacon/server';
import { libraryRouteAccess, type Access } from '@beacon/server/auth/access.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSchema2020Problems, schemaObjectsOf } from '../support/openapi-schemas.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

let database: TestDatabase;
let db: Database;
let app: FastifyInstance;
let baseUrl: string;
/** Every route as the app registered it, with the access that guards it. */
const routes: { method: string; url: string; access: Access; hidden: boolean }[] = [];
let doc: any;
/** A screen folder without a build: the screen's routes are registered all the same (they answer 503). */
const screenDir = mkdtempSync(join(tmpdir(), 'beacon-docs-screen-'));

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 4 });
  app = createFastify();
  app.addHook('onRoute', (r) => {
    const hidden = Boolean((r.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of [r.method].flat()) routes.push({ method, url: r.url, access: (r.config?.access ?? libraryRouteAccess(r.url)) as Access, hidden });
  });
  await app.register(beacon, { db, screenDir, rateLimit: false, region: testRegion() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  doc = await (await fetch(`${baseUrl}/docs/json`)).json();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  await database?.drop();
  rmSync(screenDir, { recursive: true, force: true });
});

/** Every operation of the document: method, path (OpenAPI form) and the operation object. */
function operations(): { method: string; path: string; op: any }[] {
  return Object.entries<any>(doc.paths).flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
}

/** What the docs must say, derived here from access independently of the server's code. */
function expectedSecurity(access: Access): unknown[] {
  if (access === 'public') return [];
  if (access.every((role) => role === 'department')) return [{ departmentKey: [] }];
  return [{ userToken: [] }];
}

describe('the API docs', () => {
  it("show the region's districts and box in the ingest bodies, as ingest checks them", () => {
    const region = testRegion();
    const shelter = doc.paths['/api/v1/ingest/shelter'].post.requestBody.content['application/json'].schema.properties.records.items.properties;
    expect(shelter.district.enum).toEqual(Object.keys(region.districtNames));
    expect(shelter.lon).toMatchObject({ minimum: region.bounds.lonMin, maximum: region.bounds.lonMax });
    const areas = doc.paths['/api/v1/ingest/weather-warning'].post.requestBody.content['application/json'].schema.properties.records.items.properties.areas;
    expect(areas.items.enum).toEqual(Object.keys(region.districtNames));
  });

  it('are valid OpenAPI 3.1 for a real validator, and every schema in them is valid JSON Schema 2020-12', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const schemas = schemaObjectsOf(doc);
    expect(schemas.length).toBeGreaterThan(100);
    expect(jsonSchema2020Problems(schemas)).toEqual([]);
    // The population grid's cells are tuples: in 2020-12 each position keeps its own type.
    const cells = doc.paths['/api/v1/ingest/population-heat'].post.requestBody.content['application/json'].schema.properties.records.items.properties.cells.items;
    expect(cells.prefixItems).toHaveLength(cells.minItems);
    expect(cells.items).toBe(false);
  });

  it('name every operation once, with a readable operationId', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.length).toBeGreaterThan(70);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/health'].get.operationId).toBe('getHealth');
    expect(doc.paths['/api/v1/ingest/rain-gauge'].post.operationId).toBe('ingestRainGauge');
  });

  it('serve the error catalogue: every code with its sentence, and error bodies whose code points to it', () => {
    const description: string = doc.info.description;
    for (const code of errorCodes) expect(description, code).toContain(`| \`${code}\` | ${ERROR_CODES[code]} |`);
    const refusal = doc.paths['/api/v1/commands'].post.responses['409'].content['application/json'].schema;
    expect(refusal.properties.code.description).toContain('"Error codes" table');
    for (const code of errorCodes) expect(code).toMatch(new RegExp(refusal.properties.code.pattern));
    expect(Object.keys(refusal.properties.issues.items.properties)).toEqual(['path', 'expected', 'got']);
  });

  it('leave out the screens\' pages, which are not API', () => {
    for (const page of ['/', '/wall', '/console', '/replay']) {
      expect(routes.some((r) => r.url === page), page).toBe(true);
      expect(doc.paths[page], page).toBeUndefined();
    }
  });

  it('document every route (HEAD twins and hidden routes aside), each with the security rule of the access that guards it', () => {
    const documented = routes.filter((r) => r.method !== 'HEAD' && !r.hidden && !r.url.startsWith('/docs'));
    expect(documented.length).toBe(operations().length);
    const declared = Object.keys(doc.components.securitySchemes);
    for (const route of documented) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url} in the docs`).toBeDefined();
      expect(op.security, `${route.method} ${route.url}`).toEqual(expectedSecurity(route.access));
      for (const requirement of op.security) for (const scheme of Object.keys(requirement)) expect(declared).toContain(scheme);
    }
  });

  it('say who may call each route, from the declaration that enforces it', async () => {
    const commands = doc.paths['/api/v1/commands'].post;
    expect(commands.security).toEqual([{ userToken: [] }]);
    expect(commands.description).toContain('Roles: duty, commander.');
    expect(doc.paths['/api/v1/audit'].get.description).toContain('Roles: duty, commander, admin.');
    expect(doc.paths['/api/v1/auth/sign-in'].post.security).toEqual([]);
    expect(doc.components.securitySchemes.userToken).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.components.securitySchemes.departmentKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    // The docs page points to what is not HTTP: socket.io, the stream, MQTT.
    expect(doc.info.description).toContain('(/docs/asyncapi.json)');
  });

  it('describe the WebSocket stream for an integrator: how to authenticate, what to send, what comes back', async () => {
    const stream = doc.paths['/api/v1/stream'].get;
    expect(stream.security).toEqual([{ departmentKey: [] }]);
    expect(stream.description).toContain('"category": "rain-gauge"');
    expect(stream.description).toMatch(/At most \d+ bytes a message/);
    expect(stream.description).toContain('"ok": false, "error"');
  });
});
