import type { Region } from '@beacon/shared';
import type { FastifyInstance } from 'fastify';
import { asyncApiDocument } from './asyncapi.ts';

/** Beside /docs/json: the interfaces that are not HTTP requests (socket.io, the ingest stream, MQTT). */
export const ASYNCAPI_PATH = '/docs/asyncapi.json';

export function registerAsyncApiDocs(app: FastifyInstance, region: Region): void {
  let document: unknown;
  app.get(ASYNCAPI_PATH, { config: { access: 'public' }, schema: { hide: true } }, async () => (document ??= asyncApiDocument(region)));
}
