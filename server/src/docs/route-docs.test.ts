import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { pascalCase, routeDocs, securityFor } from './route-docs.ts';

async function appWith(routes: { url: string; operationId?: string; hide?: boolean }[]) {
  const app = Fastify();
  await app.register(routeDocs);
  for (const { url, operationId, hide } of routes) {
    app.get(url, { config: { access: 'public' }, schema: { ...(operationId ? { operationId } : {}), ...(hide ? { hide } : {}) } }, async () => ({}));
  }
  return app;
}

describe('route docs', () => {
  it('refuse to start with a documented route that has no operationId, or one already taken', async () => {
    await expect(appWith([{ url: '/a' }])).rejects.toThrow(/GET \/a has no usable schema.operationId/);
    await expect(appWith([{ url: '/a', operationId: 'GetA' }])).rejects.toThrow(/camelCase/);
    await expect(appWith([{ url: '/a', operationId: 'getThing' }, { url: '/b', operationId: 'getThing' }])).rejects.toThrow(/GET \/b reuses the operationId "getThing" of GET \/a/);
  });

  it('let hidden routes and the HEAD twins of GET routes go unnamed', async () => {
    const app = await appWith([{ url: '/hidden', hide: true }, { url: '/a', operationId: 'getA' }]);
    await app.ready();
    expect((await app.inject({ method: 'HEAD', url: '/a' })).statusCode).toBe(200);
    await app.close();
  });

  it('derive the security rule from access: none for public, the department key, a user or kiosk token', () => {
    expect(securityFor('public')).toEqual([]);
    expect(securityFor(['department'])).toEqual([{ departmentKey: [] }]);
    expect(securityFor(['duty', 'commander'])).toEqual([{ userToken: [] }]);
    expect(securityFor(['department', 'admin'])).toEqual([{ departmentKey: [] }, { userToken: [] }]);
  });

  it('make operation names from ids', () => {
    expect(pascalCase('rain-gauge')).toBe('RainGauge');
    expect(pascalCase('construction-site-stop')).toBe('ConstructionSiteStop');
  });
});
