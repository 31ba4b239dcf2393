import type { ErrorCode } from '@beacon/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { issuesFromAjv } from './ajv-issues.ts';
import { InputError, type ErrorBody } from './input-error.ts';

const reason: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 409: 'Conflict',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 426: 'Upgrade Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** The one issue of a failure that is the server's own: nothing for the sender to fix but to retry. */
export const internalIssue = { path: '', expected: 'a request the server can handle (this one failed inside the server; retry later)', got: 'an internal failure (logged)' };

/**
 * One error policy for every route: a client error says exactly what is wrong (path, expected,
 * got); a server error says nothing of its internals and is logged.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      // Issues quote what was sent: from the part of the request that failed validation.
      const sent = err.validationContext === 'querystring' ? request.query : err.validationContext === 'params' ? request.params : request.body;
      const body = toErrorBody(err, sent, request.headers['content-length']);
      if (body.statusCode >= 500) request.log.error({ err }, 'request failed');
      else request.log.info({ code: body.code, issues: body.issues.length }, 'request refused');
      return reply.status(body.statusCode).send(body);
    });
    app.setNotFoundHandler((request, reply) => {
      const body: ErrorBody = {
        statusCode: 404, code: 'BEACON_NOT_FOUND', error: 'Not Found',
        message: `no route ${request.method} ${request.url.split('?')[0]}; the API is described at /docs`,
        issues: [{ path: 'url', expected: 'a documented route (see /docs)', got: `${request.method} ${request.url.split('?')[0]}` }],
      };
      return reply.status(404).send(body);
    });
  },
  { name: 'beacon-errors' },
);

export function toErrorBody(err: FastifyError, requestBody: unknown, contentLength?: string): ErrorBody {
  if (err instanceof InputError) {
    return make(err.statusCode, err.code, err.message, err.issues);
  }
  if (err.validation) {
    const issues = issuesFromAjv(err.validation, requestBody);
    const where = err.validationContext ?? 'body';
    return make(400, 'BEACON_INVALID_INPUT', `${issues.length} problem(s) in the request ${where}; nothing was stored`, issues);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return make(400, 'BEACON_MALFORMED_JSON', 'the body is not valid JSON; nothing was stored', [
        // Fastify's parser also lands here for "__proto__" / "constructor.prototype" keys (refused
        // against prototype pollution) without saying which, so the expectation names both.
        { path: '', expected: 'a JSON document without "__proto__" or "constructor.prototype" keys', got: err.message },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return make(413, 'BEACON_BODY_TOO_LARGE', 'the body is larger than this endpoint accepts; split the batch', [
        { path: '', expected: 'a smaller body (see the limit in /docs)', got: contentLength ? `${contentLength} bytes` : 'too many bytes' },
      ]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return make(415, 'BEACON_UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json', [
        { path: 'content-type', expected: 'application/json', got: err.message },
      ]);
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Codes are the catalogue's: the framework's own code (FST_ERR_…) goes in the message.
    return make(status, 'BEACON_CLIENT_ERROR', err.code ? `${err.message} (${err.code})` : err.message, [{ path: '', expected: 'a valid request', got: err.message }]);
  }
  return make(500, 'BEACON_INTERNAL', 'the server failed to handle this request; it has been logged, retry later', [internalIssue]);
}

/** An error body from its parts; `got` is never left undefined. */
export const makeErrorBody = (statusCode: number, code: ErrorCode, message: string, issues: ErrorBody['issues']): ErrorBody => make(statusCode, code, message, issues);

function make(statusCode: number, code: ErrorCode, message: string, issues: ErrorBody['issues']): ErrorBody {
  // `got` is always present (the response schema requires it): "nothing" stands for an absent value.
  const complete = issues.map((i) => (i.got === undefined ? { ...i, got: 'nothing' } : i));
  return { statusCode, code, error: reason[statusCode] ?? 'Internal Server Error', message, issues: complete };
}
