/**
 * What a chosen password must be, in the words every refusal uses (each issue's `expected`). Here,
 * not in the server, so a screen can tell which rule an issue names and say it in its own language.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_RULES = {
  length: `at least ${PASSWORD_MIN_LENGTH} and at most ${PASSWORD_MAX_LENGTH} characters`,
  pattern: 'not only whitespace, and not one character or a short run of characters repeated',
  username: 'a password that does not contain the user name',
  common: 'a password that is not common or easy to guess (not a word, name, date, keyboard row or sequence, even with digits or symbols added)',
} as const;

export type PasswordRule = keyof typeof PASSWORD_RULES;
