import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI generated from the same schemas that validate requests; browsable at /docs, raw at /docs/json. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Beacon ingest API',
        version: '1',
        description:
          'How departments push data to the command centre. Every error answer names each offending field: ' +
          '`issues[]` of `{ path, expected, got }`. See server/INTEGRATION.md in the repository for an example per transport.',
      },
      components: {
        securitySchemes: {
          departmentKey: { type: 'http', scheme: 'bearer', description: 'A department API key, issued by the bureau.' },
          userToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from POST /api/v1/auth/sign-in (12 h), or a wall kiosk token.' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
