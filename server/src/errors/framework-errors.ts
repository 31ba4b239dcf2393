import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { internalIssue, makeErrorBody } from './error-handler.ts';
import type { ErrorBody } from './input-error.ts';

// The refusals Fastify and Node answer before any route or error handler runs: a request Node's
// HTTP parser rejects (a NUL or CR in a header value, a malformed request line, headers too large,
// too slow), a URL whose percent-encoding is not UTF-8, a path segment over the router's length
// limit. Fastify's defaults answer these with { error, message: "Client Error" } or its own codes
// and no issues; here they get Beacon's error body like every other refusal.

/** Fastify's router limit on one path parameter (its default); a longer one is refused with 414. */
export const MAX_PARAM_LENGTH = 100;
const MAX_ECHO = 120;

const clip = (s: string) => (s.length > MAX_ECHO ? `${s.slice(0, MAX_ECHO)}… (${s.length} characters)` : s);

/** Fastify's `frameworkErrors` option: bad URL encoding, an over-long path parameter, a failed route constraint. */
export function frameworkErrorBody(error: FastifyError, url: string): ErrorBody {
  const path = url.split('?')[0] ?? url;
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return makeErrorBody(400, 'BEACON_BAD_URL', 'the URL is not validly percent-encoded; nothing was done', [
        { path: 'url', expected: 'a URL whose %-escapes decode to UTF-8 (e.g. %E5%8E%A6, not %E5%8E or %ZZ)', got: clip(path) },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH': {
      const longest = path.split('/').reduce((a, b) => (b.length > a.length ? b : a), '');
      return makeErrorBody(414, 'BEACON_URL_TOO_LONG', 'a part of the URL is longer than any Beacon route accepts; nothing was done', [
        { path: 'url', expected: `each part of the path at most ${MAX_PARAM_LENGTH} characters`, got: `a part of ${longest.length} characters: ${clip(longest)}` },
      ]);
    }
    default:
      return makeErrorBody(500, 'BEACON_INTERNAL', 'the server failed to route this request; it has been logged, retry later', [internalIssue]);
  }
}

export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body = frameworkErrorBody(error, request.raw.url ?? '');
  if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed before routing');
  void reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
}

/** The answer to a request Node's HTTP parser refused; null when there is no one to answer. */
export function clientErrorBody(err: NodeJS.ErrnoException & { reason?: string }): ErrorBody {
  const got = `${err.code ?? 'error'}: ${clip(err.reason ?? err.message)}`;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return makeErrorBody(408, 'BEACON_REQUEST_TIMEOUT', 'the request did not arrive in time; nothing was done', [
      { path: '', expected: 'the whole request within the server\'s time limit', got: 'an unfinished request' },
    ]);
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return makeErrorBody(431, 'BEACON_HEADERS_TOO_LARGE', 'the request headers are larger than the server accepts; nothing was done', [
      { path: 'headers', expected: 'request headers of at most 16 KiB in all', got },
    ]);
  }
  const inHeaders = /HEADER|LF_EXPECTED|CR_EXPECTED|CHUNK|CONTENT_LENGTH|TRANSFER_ENCODING/.test(err.code ?? '');
  return makeErrorBody(400, 'BEACON_MALFORMED_REQUEST', 'the request is not well-formed HTTP; nothing was done', [
    {
      path: inHeaders ? 'headers' : 'request',
      expected: inHeaders
        ? 'header names that are tokens and values without control characters (no NUL, CR or LF)'
        : 'a well-formed HTTP/1.1 request line and headers',
      got,
    },
  ]);
}

/** Fastify's `clientErrorHandler` option: the same as Fastify's default, with Beacon's body. */
export function clientErrorHandler(this: { log: { trace(o: object, m: string): void } }, err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection, or one already gone: there is no one to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const body = clientErrorBody(err);
  this.log.trace({ err }, 'client error');
  if (socket.writable) {
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode] ?? 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(err);
}

/** The Fastify options that route these refusals through the functions above. */
export const refusalOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> = {
  frameworkErrors: frameworkErrors as FastifyServerOptions['frameworkErrors'],
  clientErrorHandler: clientErrorHandler as FastifyServerOptions['clientErrorHandler'],
};
