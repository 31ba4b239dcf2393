import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { assertPasswordAcceptable, PASSWORD_RULES, passwordIssues } from './password-policy.ts';
import { generatePassword } from './passwords.ts';

const wang = { username: 'wang', displayName: '王指挥' };
const rulesBroken = (password: string, user: { username: string; displayName?: string } = wang) => passwordIssues(password, user).map((i) => i.expected);

describe('password policy', () => {
  it('accepts long passphrases and generated passwords', () => {
    for (const p of ['typhoon-meranti-2016', 'lantern-on-the-night-desk', 'harbour wind signal 8', 'X7#mq2!vR9@kLp']) expect(rulesBroken(p), p).toEqual([]);
    for (let i = 0; i < 20; i++) expect(rulesBroken(generatePassword())).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting characters rather than UTF-16 units', () => {
    expect(rulesBroken('Xq7#mR2!vL9')).toEqual([PASSWORD_RULES.length]); // 11
    expect(passwordIssues('Xq7#mR2!vL9', wang)[0]!.got).toBe('11 characters');
    // Eleven characters, each two UTF-16 units (22 in all): still too short.
    const emoji = '🌀🌧🌊🚒🚑🏥🚓🏚🌪🌩🌫';
    expect(emoji.length).toBe(22);
    expect(passwordIssues(emoji, wang)).toContainEqual({ path: '/password', expected: PASSWORD_RULES.length, got: '11 characters' });
    expect(rulesBroken('x'.repeat(257) + 'Q7#')).toContain(PASSWORD_RULES.length);
  });

  it('refuses whitespace and repetition', () => {
    expect(passwordIssues(' '.repeat(12), wang)).toEqual([{ path: '/password', expected: PASSWORD_RULES.pattern, got: 'only whitespace' }]);
    expect(passwordIssues('\t \n'.repeat(5), wang)[0]!.got).toBe('only whitespace');
    for (const p of ['aaaaaaaaaaaa', 'abcabcabcabc', '121212121212', 'Ab1!Ab1!Ab1!', 'aaaaaaaaaaab']) {
      expect(passwordIssues(p, wang), p).toEqual([{ path: '/password', expected: PASSWORD_RULES.pattern, got: 'a repetition' }]);
    }
  });

  it('refuses a password containing the user name, in any case', () => {
    expect(rulesBroken('wang-typhoon-2016')).toEqual([PASSWORD_RULES.username]);
    expect(rulesBroken('typhoon-WANG-2016')).toEqual([PASSWORD_RULES.username]);
    expect(rulesBroken('typhoon-wang-2016', { username: 'zhao' })).toEqual([]);
  });

  it('leaves two-letter names to the strength estimate: "li" inside a strong passphrase is fine', () => {
    expect(rulesBroken('reliable-lighthouse-41', { username: 'li' })).toEqual([]);
  });

  it('refuses common passwords and their usual variants', () => {
    for (const p of ['password1234', 'qwertyuiop123', '1q2w3e4r5t6y', 'iloveyou1234', 'dragon123456', 'P@ssw0rd2024!', 'administrator']) {
      expect(passwordIssues(p, wang), p).toEqual([{ path: '/password', expected: PASSWORD_RULES.common, got: 'a common or easily guessed password' }]);
    }
  });

  it('reports every rule broken, and never the password itself', () => {
    const issues = passwordIssues('wangwang', wang);
    expect(issues.map((i) => i.expected)).toEqual([PASSWORD_RULES.length, PASSWORD_RULES.pattern, PASSWORD_RULES.username]);
    expect(JSON.stringify(issues)).not.toContain('wangwang');
  });

  it('throws a 400 with the issues at /password', () => {
    expect(() => assertPasswordAcceptable('typhoon-meranti-2016', wang)).not.toThrow();
    let thrown: unknown;
    try {
      assertPasswordAcceptable('password1234', wang);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ statusCode: 400, code: 'BEACON_WEAK_PASSWORD', issues: [{ path: '/password', expected: PASSWORD_RULES.common }] });
  });
});
