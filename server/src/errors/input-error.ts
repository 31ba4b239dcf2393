import type { ErrorCode, Issue } from '@beacon/shared';

export type { ErrorBody, Issue } from '@beacon/shared';

/** A client error that carries its issues to the error handler (its body: ErrorBody, shared/src/errors). */
export class InputError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
    this.name = 'InputError';
  }
}
