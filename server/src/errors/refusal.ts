import { InputError } from './input-error.ts';

/** For tests: runs `f`, which must refuse its input, and returns the InputError it threw. */
export function refusal(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}
