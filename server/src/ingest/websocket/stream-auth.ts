import { bearerToken } from '../../credentials/bearer.ts';
import type { IncomingHttpHeaders } from 'node:http';
import type { Sql } from '@beacon/db';
import type { FastifyRequest } from 'fastify';
import { credentialFromHeader } from '../../credentials/require-department.ts';
import { InputError } from '../../errors/input-error.ts';

/** The subprotocol the stream speaks; the server selects it so a browser's handshake completes. */
export const STREAM_PROTOCOL = 'beacon.v1';
/** Browsers cannot set headers on a WebSocket: they offer the key as a subprotocol instead. */
export const KEY_PROTOCOL_PREFIX = 'beacon.key.';

export function offeredProtocols(headers: IncomingHttpHeaders): string[] {
  const raw = headers['sec-websocket-protocol'];
  return (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',').map((p) => p.trim()).filter(Boolean);
}

/** The key a client presents, by header or by subprotocol; null when none. Used by auth and the rate limiter. */
export function presentedKey(headers: IncomingHttpHeaders): string | null {
  const bearer = bearerToken(headers.authorization);
  if (bearer) return bearer;
  const offered = offeredProtocols(headers).find((p) => p.startsWith(KEY_PROTOCOL_PREFIX));
  return offered ? offered.slice(KEY_PROTOCOL_PREFIX.length) || null : null;
}

/**
 * ws calls this to pick the subprotocol. Never the key one: the answer would echo the key in a
 * response header that proxies log. Clients offering a key as subprotocol must offer beacon.v1 too.
 */
export function selectProtocol(protocols: Set<string>): string | false {
  return protocols.has(STREAM_PROTOCOL) ? STREAM_PROTOCOL : false;
}

/**
 * preHandler of the upgrade request: a refusal here is an HTTP answer (401/400 with our error body)
 * written before the handshake, so the client sees why — not a socket that opens and then closes.
 */
export function authenticateStream(sql: Sql) {
  return async function authenticateStreamUpgrade(request: FastifyRequest): Promise<void> {
    const { headers } = request;
    if (headers.authorization) {
      request.credential = await credentialFromHeader(sql, headers.authorization);
      return;
    }
    const offered = offeredProtocols(headers);
    const key = presentedKey(headers);
    if (!key) {
      throw new InputError(401, 'BEACON_UNAUTHENTICATED', 'a department API key is required to open the stream', [
        {
          path: 'authorization',
          expected: `header "Authorization: Bearer <key>", or subprotocols "${STREAM_PROTOCOL}, ${KEY_PROTOCOL_PREFIX}<key>"`,
          got: 'nothing',
        },
      ]);
    }
    if (!offered.includes(STREAM_PROTOCOL)) {
      throw new InputError(400, 'BEACON_INVALID_INPUT', `offer the "${STREAM_PROTOCOL}" subprotocol alongside the key`, [
        { path: 'sec-websocket-protocol', expected: `"${STREAM_PROTOCOL}" and "${KEY_PROTOCOL_PREFIX}<key>"`, got: `${offered.length} subprotocol(s) without "${STREAM_PROTOCOL}"` },
      ]);
    }
    request.credential = await credentialFromHeader(sql, `Bearer ${key}`);
  };
}
