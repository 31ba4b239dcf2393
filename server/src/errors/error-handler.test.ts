import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { internalIssue, toErrorBody } from './error-handler.ts';
import { clientErrorBody, frameworkErrorBody } from './framework-errors.ts';

const fastifyError = (props: Partial<FastifyError>) => Object.assign(new Error(props.message ?? 'x'), props) as FastifyError;

describe('every refusal carries issues', () => {
  it('an internal failure (HTTP, the ingest stream, MQTT): 500 with one issue and none of its internals', () => {
    const body = toErrorBody(new TypeError("Cannot read properties of undefined (reading 'secret')") as FastifyError, undefined);
    expect(body).toEqual({
      statusCode: 500, code: 'BEACON_INTERNAL', error: 'Internal Server Error',
      message: 'the server failed to handle this request; it has been logged, retry later', issues: [internalIssue],
    });
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('a client error Fastify raised with its own code keeps the code and gets an issue', () => {
    const body = toErrorBody(fastifyError({ statusCode: 406, code: 'FST_ERR_SOMETHING', message: 'not acceptable' }), undefined);
    expect(body).toMatchObject({ statusCode: 406, code: 'BEACON_CLIENT_ERROR', message: 'not acceptable (FST_ERR_SOMETHING)', issues: [{ path: '', expected: 'a valid request', got: 'not acceptable' }] });
  });

  it('the parser\'s refusals name the header or the request, with Node\'s code and reason', () => {
    const nul = Object.assign(new Error('Parse Error: Invalid header value char'), { code: 'HPE_INVALID_HEADER_TOKEN', reason: 'Invalid header value char' });
    expect(clientErrorBody(nul)).toMatchObject({ statusCode: 400, code: 'BEACON_MALFORMED_REQUEST', issues: [{ path: 'headers', got: 'HPE_INVALID_HEADER_TOKEN: Invalid header value char' }] });
    expect(clientErrorBody(Object.assign(new Error('t'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toMatchObject({ statusCode: 408, error: 'Request Timeout', issues: [{ path: '' }] });
    expect(clientErrorBody(Object.assign(new Error('m'), { code: 'HPE_INVALID_METHOD' }))).toMatchObject({ statusCode: 400, issues: [{ path: 'request' }] });
  });

  it('a route constraint that fails inside the router is internal, with the issue', () => {
    expect(frameworkErrorBody(fastifyError({ code: 'FST_ERR_ASYNC_CONSTRAINT' }), '/x')).toMatchObject({ statusCode: 500, code: 'BEACON_INTERNAL', issues: [internalIssue] });
  });

  it('clips a long URL in the echo', () => {
    const body = frameworkErrorBody(fastifyError({ code: 'FST_ERR_BAD_URL' }), `/${'%'.repeat(5000)}?q=1`);
    expect(String(body.issues[0]!.got).length).toBeLessThan(200);
  });
});
