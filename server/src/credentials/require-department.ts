import type { DepartmentId } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import type { FastifyRequest } from 'fastify';
import { InputError } from '../errors/input-error.ts';
import { findCredential, type DepartmentCredential } from './department-keys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    credential?: DepartmentCredential;
  }
}

/**
 * A preHandler that admits only a department key of the department owning the category:
 * departments write only their own data.
 */
export function requireDepartment(sql: Sql, owner: DepartmentId) {
  return async function authenticateDepartment(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match?.[1]) {
      throw new InputError(401, 'BEACON_UNAUTHENTICATED', 'a department API key is required', [
        { path: 'authorization', expected: 'header "Authorization: Bearer <department API key>"', got: header ? 'a malformed header' : 'nothing' },
      ]);
    }
    const credential = await findCredential(sql, match[1]);
    if (!credential) {
      throw new InputError(401, 'BEACON_UNAUTHENTICATED', 'the API key is unknown or revoked', [
        { path: 'authorization', expected: 'a live department API key', got: 'an unknown or revoked key' },
      ]);
    }
    if (credential.department !== owner) {
      throw new InputError(403, 'BEACON_FORBIDDEN', `only the ${owner} department may write this category`, [
        { path: 'authorization', expected: `a key of department "${owner}"`, got: `a key of department "${credential.department}"` },
      ]);
    }
    request.credential = credential;
  };
}
