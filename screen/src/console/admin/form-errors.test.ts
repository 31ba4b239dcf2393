import { describe, expect, it } from 'vitest';
import { PASSWORD_RULES } from '@beacon/shared';
import { ApiError } from '../../lib/api.ts';
import { messages } from '../../i18n/index.ts';
import { formErrors, issueField } from './form-errors.ts';
import { formWords } from './form-words.ts';

const zh = formWords(messages['zh-CN'].console.admin);
const en = formWords(messages.en.console.admin);
const FIELDS = ['username', 'displayName', 'role', 'password'];

describe('formErrors', () => {
  it('puts each password rule the server names under the password field, in the screen\'s language', () => {
    const refusal = new ApiError(400, 'BEACON_WEAK_PASSWORD', 'the password is refused', [
      { path: '/password', expected: PASSWORD_RULES.pattern, got: 'a repetition' },
      { path: '/password', expected: PASSWORD_RULES.username, got: 'a password containing the user name' },
    ]);
    const out = formErrors(refusal, FIELDS, zh);
    expect(out.fields.get('password')).toEqual(['不能全是空白，也不能是同一字符或一小段字符的重复', '不能包含用户名']);
    expect(out.general).toEqual([]);
    expect(formErrors(refusal, FIELDS, en).fields.get('password')).toEqual(['Not only spaces, and not one character or a short run repeated', 'Must not contain the user name']);
  });

  it('words a schema refusal by what the field takes, each field once', () => {
    const refusal = new ApiError(400, 'BEACON_INVALID_INPUT', '2 problem(s) in the request body', [
      { path: '/username', expected: 'a string matching ^[a-z0-9][a-z0-9._-]{1,31}$', got: 'Wang Wei' },
      { path: '/displayName', expected: 'a string of at least 1 character', got: '' },
      { path: '/displayName', expected: 'a value (required)', got: 'nothing' },
    ]);
    const out = formErrors(refusal, FIELDS, zh);
    expect(out.fields.get('username')).toEqual(['2–32 位小写字母、数字、“.”“_”“-”，以字母或数字开头']);
    expect(out.fields.get('displayName')).toEqual(['1–60 个字符']);
  });

  it('words a refusal by its code where the screen knows it', () => {
    const taken = new ApiError(409, 'BEACON_USER_EXISTS', 'a user named "li" exists', [{ path: '/username', expected: 'a user name not yet taken', got: 'li' }]);
    expect(formErrors(taken, FIELDS, zh).fields.get('username')).toEqual(['该用户名已被使用']);
  });

  it('keeps the server\'s words for a field it has no words for, and puts issues on fields the form lacks above it', () => {
    const odd = new ApiError(400, 'BEACON_INVALID_INPUT', '1 problem', [
      { path: '/nickname', expected: 'no such field (unknown property)', got: 'x' },
      { path: '/__proto__', expected: 'no such field (unknown property)', got: 'x' },
    ]);
    const out = formErrors(odd, FIELDS, zh);
    expect(out.fields.size).toBe(0);
    expect(out.general).toEqual(['1 problem', '/nickname: no such field (unknown property)', '/__proto__: no such field (unknown property)']);
  });

  it('says what failed when there was no answer at all', () => {
    expect(formErrors(new TypeError('Failed to fetch'), FIELDS, zh)).toEqual({ fields: new Map(), general: ['Failed to fetch'] });
  });

  it('reads the field from a body pointer or a params path', () => {
    expect(issueField('/password')).toBe('password');
    expect(issueField('params.username')).toBe('username');
    expect(issueField('')).toBe('');
  });
});
