import { bearerToken } from './bearer.ts';
import type { Sql } from '@beacon/db';
import type { FastifyRequest } from 'fastify';
import { InputError } from '../errors/input-error.ts';
import { credentialInUse, type DepartmentCredential } from './department-keys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    credential?: DepartmentCredential;
  }
}

/** Reads "Authorization: Bearer <key>" and finds the live department key, or refuses with 401. */
export async function credentialFromHeader(sql: Sql, header: string | undefined): Promise<DepartmentCredential> {
  const key = bearerToken(header);
  if (!key) {
    throw new InputError(401, 'BEACON_UNAUTHENTICATED', 'a department API key is required', [
      { path: 'authorization', expected: 'header "Authorization: Bearer <department API key>"', got: header ? 'a malformed header' : 'nothing' },
    ]);
  }
  const credential = await credentialInUse(sql, key);
  if (!credential) {
    throw new InputError(401, 'BEACON_UNAUTHENTICATED', 'the API key is unknown or revoked', [
      { path: 'authorization', expected: 'a live department API key', got: 'an unknown or revoked key' },
    ]);
  }
  return credential;
}

/** A preHandler admitting any live department key; which categories it may write is the pipeline's check. */
export function requireDepartment(sql: Sql) {
  return async function authenticateDepartment(request: FastifyRequest): Promise<void> {
    request.credential = await credentialFromHeader(sql, request.headers.authorization);
  };
}
