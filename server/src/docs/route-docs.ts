import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Access } from '../auth/access.ts';

/** The security schemes the API docs declare; `securityFor` is the only place that picks one. */
export const securitySchemes = {
  departmentKey: { type: 'http', scheme: 'bearer', description: 'A department API key, issued by an administrator (`beacon keys create`).' },
  userToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from POST /api/v1/auth/sign-in (12 h), or a wall kiosk token.' },
} as const;

type SecurityRequirement = Partial<Record<keyof typeof securitySchemes, []>>;

/**
 * The OpenAPI security rule of a route, from the `config.access` that enforces it: public routes
 * need nothing (`[]`, which also overrides any document-wide rule), department routes a department
 * key, every other role a user or kiosk token. A route open to both lists both as alternatives.
 */
export function securityFor(access: Access): SecurityRequirement[] {
  if (access === 'public') return [];
  const rule: SecurityRequirement[] = [];
  if (access.includes('department')) rule.push({ departmentKey: [] });
  if (access.some((role) => role !== 'department')) rule.push({ userToken: [] });
  return rule;
}

/** A readable, tool-friendly operation name: camelCase, starting with a verb. */
const OPERATION_ID = /^[a-z][A-Za-z0-9]{2,63}$/;

/** "rain-gauge" → "RainGauge": for operation names made from an id (`ingestRainGauge`). */
export function pascalCase(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

interface DocumentedSchema {
  hide?: boolean;
  tags?: string[];
  operationId?: string;
  security?: unknown;
  description?: string;
}

/**
 * Every documented route names its operation (`schema.operationId`, unique) and the docs say who
 * may call it, from the `config.access` that enforces it. A route without a name, or with one
 * already taken, stops the server at start — like a route without `config.access` — so the
 * document can never hold an unnamed or duplicate operation. Registered after access control
 * (whose hook fills in `config.access` for library routes) and before the routes it documents.
 */
export const routeDocs = fp(
  async (app) => {
    const taken = new Map<string, string>();
    app.addHook('onRoute', (route: RouteOptions) => {
      // Fastify's HEAD twin of a GET shares the GET's schema, and the docs leave HEAD out.
      if ([route.method].flat().every((m) => m === 'HEAD')) return;
      const schema = route.schema as DocumentedSchema | undefined;
      if (schema?.hide || schema?.tags?.includes('X-HIDDEN')) return;
      const where = `${[route.method].flat().join(',')} ${route.url}`;
      const name = schema?.operationId;
      if (!name || !OPERATION_ID.test(name)) {
        throw new Error(`route ${where} has no usable schema.operationId (camelCase, e.g. "getHealth"; got ${JSON.stringify(name)}): every documented route names its operation`);
      }
      const holder = taken.get(name);
      if (holder) throw new Error(`route ${where} reuses the operationId "${name}" of ${holder}: operation names are unique`);
      taken.set(name, where);
      const access = route.config?.access;
      // A route a machine credential may also call (the metrics scrape token) says so beside the roles.
      const machine = route.config?.machineToken;
      if (!access) return; // access control refuses this route itself, with its own message
      // A copy: a schema object may be shared by routes, and this one's rule is its own.
      route.schema = {
        ...schema,
        security: securityFor(access),
        ...(access === 'public' ? {} : { description: `${schema.description ? `${schema.description}\n\n` : ''}Roles: ${access.join(', ')}${machine ? `; or ${machine.name}` : ''}.` }),
      };
    });
  },
  { name: 'beacon-route-docs' },
);
