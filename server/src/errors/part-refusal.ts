import type { ErrorCode } from '@beacon/shared';
import type { FastifyRequest } from 'fastify';
import { issuesFromAjv, type AjvErrorLike } from './ajv-issues.ts';
import { InputError, type Issue } from './input-error.ts';

const PARTS = { params: 'params', querystring: 'query' } as const;

/**
 * The refusal of a route that reads only its URL (`attachValidation: true`): each field named by where
 * it was sent (params.incidentId, query.lon), what was expected, with the route's hint for it, and what came.
 */
export function partRefusal(request: FastifyRequest, code: ErrorCode = 'BEACON_INVALID_INPUT', hints: ReadonlyMap<string, string> = new Map()): InputError {
  const err = request.validationError;
  const part = err?.validationContext === 'params' ? PARTS.params : PARTS.querystring;
  const source = part === 'params' ? request.params : request.query;
  // Fastify types `validation` as any: it holds the errors of the validator compiler, Beacon's Ajv.
  const errors: readonly AjvErrorLike[] = err?.validation ?? [];
  const issues: Issue[] = issuesFromAjv(errors, source).map((i) => {
    const path = `${part}.${i.path.replace(/^\//, '')}`;
    const hint = hints.get(path);
    return { path, expected: hint ? `${i.expected} (${hint})` : i.expected, got: i.got };
  });
  const message = issues.map((i) => `${i.path}: expected ${i.expected}, got ${JSON.stringify(i.got)}`).join('; ');
  return new InputError(400, code, message || 'the request is not valid', issues);
}

/** A refusal's issues re-pointed from the request's root ("/to") into its query ("query.to"). */
export function inQuery(issues: Issue[]): Issue[] {
  return issues.map((i) => ({ ...i, path: i.path.replace(/^\//, 'query.') }));
}
