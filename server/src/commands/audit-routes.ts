import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { STAFF } from '../auth/access.ts';
import { InputError } from '../errors/input-error.ts';
import { auditCsv, queryAudit, type AuditFilter } from './audit-query.ts';

const AuditQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after, RFC 3339.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before, RFC 3339.' })),
    actor: Type.Optional(Type.String({ maxLength: 64, description: 'Actor id or name (exact).' })),
    action: Type.Optional(Type.String({ maxLength: 64, description: 'e.g. post.order, auth.sign-in; a prefix ending in "." matches a family ("post.").' })),
    outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('refused'), Type.Literal('failed')])),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$', description: 'At most this many, newest first (default 500, max 10000).' })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);

/** GET /api/v1/audit: who did what when, filterable, as JSON or CSV. */
const auditRoutesPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { sql } = app.db;
  app.get('/api/v1/audit', {
    config: { access: STAFF },
    schema: { operationId: 'listAuditEntries', tags: ['commands'], summary: 'The audit trail: commands (accepted and refused), sign-ins and admin actions', querystring: AuditQuery },
  }, async (req, reply) => {
    const q = req.query;
    const limit = q.limit === undefined ? 500 : Number(q.limit);
    if (limit < 1 || limit > 10_000) {
      throw new InputError(400, 'BEACON_INVALID_INPUT', 'limit out of range', [{ path: 'query.limit', expected: 'a whole number from 1 to 10000', got: q.limit }]);
    }
    const filter: AuditFilter = {
      ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}), ...(q.outcome ? { outcome: q.outcome } : {}), limit,
    };
    const entries = await queryAudit(sql, filter);
    if (q.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="beacon-audit.csv"').send(auditCsv(entries));
    }
    return entries;
  });
};

export const auditRoutes = fp(auditRoutesPlugin, { name: 'beacon-audit-routes', dependencies: ['beacon-core', 'beacon-access-control'], decorators: { fastify: ['db'] }, encapsulate: true });
