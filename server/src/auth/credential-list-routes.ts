import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { listDepartmentKeys, revokeDepartmentKey } from '../credentials/department-keys.ts';
import { InputError } from '../errors/input-error.ts';
import { ErrorBody } from '@beacon/shared/schemas.ts';
import { ADMINS } from './access.ts';
import { recordAudit } from './audit-log.ts';
import { DepartmentKeyInfo, KioskTokenInfo } from './auth-schemas.ts';
import { listKioskTokens } from './kiosk.ts';

/**
 * What the console's admin section reads and ends besides users: every kiosk token and department key
 * with when it was last seen or used, and revoking one key by its id (the CLI revokes by label).
 */
export const credentialListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sql } = app.db;
  const { revocations } = app;
  app.get('/api/v1/kiosk-tokens', {
    config: { access: ADMINS },
    schema: { operationId: 'listKioskTokens', tags: ['admin'], summary: 'Wall kiosk tokens, newest first, with when each wall was last seen (never the tokens)', response: { 200: Type.Array(KioskTokenInfo) } },
  }, async () => listKioskTokens(sql));

  app.get('/api/v1/department-keys', {
    config: { access: ADMINS },
    schema: { operationId: 'listDepartmentKeys', tags: ['admin'], summary: 'Department API keys, newest first, with when each was last used (never the keys or their hashes)', response: { 200: Type.Array(DepartmentKeyInfo) } },
  }, async () => listDepartmentKeys(sql));

  app.delete('/api/v1/department-keys/:id', {
    config: { access: ADMINS },
    schema: {
      operationId: 'revokeDepartmentKey', tags: ['admin'], summary: "Revoke a department API key: its open ingest streams close at once and it is refused from then on",
      params: Type.Object({ id: Type.String({ maxLength: 80 }) }),
      response: { 200: Type.Object({ id: Type.String(), revoked: Type.Literal(true) }), 404: ErrorBody },
    },
  }, async (req) => {
    const { id } = req.params;
    const department = await revokeDepartmentKey(sql, id);
    if (!department) {
      throw new InputError(404, 'BEACON_UNKNOWN_KEY', `no live department key "${id}"`, [{ path: 'params.id', expected: 'the id of a live department key', got: id }]);
    }
    revocations.revoke({ kind: 'key', id });
    await recordAudit(sql, { actor: req.principal!.actor, action: 'admin.department-key-revoked', target: department, outcome: 'ok', details: { keyId: id } });
    return { id, revoked: true as const };
  });
};
