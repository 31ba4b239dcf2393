import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { Issue } from '../errors/input-error.ts';
import { InputError } from '../errors/input-error.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULES } from '@beacon/shared';

// Why @zxcvbn-ts/core with @zxcvbn-ts/language-common: a list of common passwords alone misses
// their variants ("P@ssw0rd2024!", "1q2w3e4r5t6y", "dragon123456"); zxcvbn estimates how many
// guesses a password needs from leaked-password and word lists, keyboard rows, sequences, dates,
// repeats and l33t swaps. The TypeScript port is the maintained one (Dropbox's zxcvbn has had no
// release since 2017), has one small dependency and no network lookups.

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULES };

/**
 * zxcvbn's score 3 is ≥ 10^8 guesses: far beyond an online attacker held to the sign-in limits,
 * and still refusing every dictionary word, name or pattern with a few digits or swaps added.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: loading the word lists takes ~100 ms, which the server and CLI pay only when a password is set. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

/**
 * What is wrong with a password chosen for `username`, as issues at `/password` (empty when it is
 * acceptable). Issues never repeat the password: only which rule it breaks.
 */
export function passwordIssues(password: string, user: { username: string; displayName?: string }): Issue[] {
  const issue = (expected: string, got: string): Issue => ({ path: '/password', expected, got });
  const issues: Issue[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) issues.push(issue(PASSWORD_RULES.length, `${length} characters`));
  if (/^\s*$/u.test(password)) issues.push(issue(PASSWORD_RULES.pattern, 'only whitespace'));
  else if (/^(.{1,6}?)\1+$/su.test(password) || new Set(password).size < 4) issues.push(issue(PASSWORD_RULES.pattern, 'a repetition'));
  // Names of two characters ("li") are left to the strength estimate below, which knows the name
  // too: a plain substring test would refuse most passwords that merely contain those two letters.
  const name = user.username.toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) issues.push(issue(PASSWORD_RULES.username, 'a password containing the user name'));
  if (issues.length) return issues;
  const userInputs = [user.username, ...(user.displayName ? [user.displayName] : []), 'beacon'];
  if (strength().check(password, userInputs).score < MIN_SCORE) issues.push(issue(PASSWORD_RULES.common, 'a common or easily guessed password'));
  return issues;
}

/** Throws a 400 naming every rule the password breaks. */
export function assertPasswordAcceptable(password: string, user: { username: string; displayName?: string }): void {
  const issues = passwordIssues(password, user);
  if (!issues.length) return;
  throw new InputError(400, 'BEACON_WEAK_PASSWORD', `the password is refused: it must be ${PASSWORD_RULES.length}, ${PASSWORD_RULES.pattern}, not contain the user name, and not be common or easy to guess`, issues);
}
