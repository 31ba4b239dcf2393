import { describe, expect, it, vi } from 'vitest';
import { describeFailure, failureKind, isDataError, judgeFailure, MAX_TRANSIENT_ATTEMPTS } from './failure-kind.ts';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('failureKind', () => {
  it('calls a lost or refused database connection transient', () => {
    for (const code of ['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(failureKind(withCode(code)), code).toBe('transient');
    }
  });

  it('calls a database that is shutting down, overloaded or in a deadlock transient', () => {
    for (const code of ['57P01', '57P03', '53300', '08006', '40001', '40P01', '55P03', '25006']) expect(failureKind(withCode(code)), code).toBe('transient');
  });

  it('calls a value the database cannot hold, a constraint or a bug permanent', () => {
    for (const code of ['22P05', '22021', '23505', '42703']) expect(failureKind(withCode(code)), code).toBe('permanent');
    expect(failureKind(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe('permanent');
    expect(failureKind(new RangeError('Invalid time value'))).toBe('permanent');
  });

  it('does not pretend to know a plain error or an unlisted SQLSTATE', () => {
    expect(failureKind(new Error('something'))).toBe('unknown');
    expect(failureKind(withCode('XX000'))).toBe('unknown');
    expect(failureKind('a string')).toBe('unknown');
  });
});

describe('judgeFailure', () => {
  const answers = (ok: boolean) => vi.fn(async () => ok);

  it('dead-letters a permanent failure without asking the database', async () => {
    const probe = answers(false);
    expect(await judgeFailure(withCode('22P05'), 1, probe)).toBe('dead-letter');
    expect(probe).not.toHaveBeenCalled();
  });

  it('retries an unknown failure while the database does not answer, and dead-letters it when it does', async () => {
    expect(await judgeFailure(new Error('?'), 1, answers(false))).toBe('retry');
    expect(await judgeFailure(new Error('?'), 1, answers(true))).toBe('dead-letter');
  });

  it('retries a transient failure, and keeps retrying through an outage however long', async () => {
    const probe = answers(false);
    expect(await judgeFailure(withCode('CONNECTION_CLOSED'), 1, probe)).toBe('retry');
    expect(probe).not.toHaveBeenCalled();
    expect(await judgeFailure(withCode('CONNECTION_CLOSED'), 1000, probe)).toBe('retry');
  });

  it('dead-letters a "transient" failure only this message keeps causing while the database answers', async () => {
    expect(await judgeFailure(withCode('57014'), MAX_TRANSIENT_ATTEMPTS - 1, answers(true))).toBe('retry');
    expect(await judgeFailure(withCode('57014'), MAX_TRANSIENT_ATTEMPTS, answers(true))).toBe('dead-letter');
  });
});

describe('describing a failure', () => {
  it('names the SQLSTATE, the message and the detail, and tells data errors apart', () => {
    const err = Object.assign(withCode('22P05', 'unsupported Unicode escape sequence'), { detail: '\\u0000 cannot be converted to text.' });
    expect(describeFailure(err)).toBe('22P05 unsupported Unicode escape sequence (\\u0000 cannot be converted to text.)');
    expect(isDataError(err)).toBe(true);
    expect(isDataError(withCode('CONNECTION_CLOSED'))).toBe(false);
    expect(describeFailure(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(describeFailure(new Error('y'.repeat(1000))).length).toBe(300);
  });
});
