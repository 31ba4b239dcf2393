/** One thing wrong with a request: where (JSON pointer into the body), what we expected, what came. */
export interface Issue {
  path: string;
  expected: string;
  got: unknown;
}

/** The body of every 4xx Beacon answers. `code` is stable for integrators to switch on. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  issues: Issue[];
}

/** A client error that carries its issues to the error handler. */
export class InputError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
    this.name = 'InputError';
  }
}
