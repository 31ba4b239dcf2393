import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Region } from '@beacon/shared';
import type { FastifyInstance } from 'fastify';
import { ASYNCAPI_PATH, registerAsyncApiDocs } from './asyncapi-route.ts';
import { errorCatalogueMarkdown } from './error-catalogue.ts';
import { toJsonSchema2020 } from './json-schema-2020.ts';
import { routeDocs, securitySchemes } from './route-docs.ts';

/**
 * OpenAPI generated from the same schemas that validate requests; browsable at /docs, raw at
 * /docs/json. OpenAPI 3.1 rather than 3.0: its Schema Object is JSON Schema (2020-12), so what
 * TypeBox writes is served as it is — tuples keep a type per position, `const` and `null` unions
 * stay exact — where 3.0's subset would need lossy rewrites (a tuple becomes "an array of any of
 * these"). @fastify/swagger 9 emits 3.1 itself (null types, `examples` arrays) and Swagger UI 5
 * renders it; the one form left to rewrite is draft 07's tuple (json-schema-2020.ts).
 */
export async function registerApiDocs(app: FastifyInstance, region: Region): Promise<void> {
  await app.register(routeDocs);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Beacon API',
        version: '1',
        description:
          'How departments push data to the command centre, and how the screens and administrators use it. Every error answer names each offending field: ' +
          '`issues[]` of `{ path, expected, got }`. See server/INTEGRATION.md in the repository for an example per transport. ' +
          `The socket.io protocol of the screens (namespaces \`/\` and \`/replay\`), the WebSocket ingest stream and the MQTT topics are described in AsyncAPI at [${ASYNCAPI_PATH}](${ASYNCAPI_PATH}).\n\n` +
          errorCatalogueMarkdown(),
      },
      components: { securitySchemes },
    },
    // Only OpenAPI is configured, so the document is always `openapiObject`.
    transformObject: (documentObject) => toJsonSchema2020('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject) as never,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerAsyncApiDocs(app, region);
}
