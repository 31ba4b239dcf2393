import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCleanText, showText, textIssues, TEXT_EXPECTED } from './text.ts';

describe('the text rule', () => {
  it('refuses NUL and lone surrogates, keeps pairs, other controls and every script', () => {
    expect(isCleanText('思明区 SM01 🌧 tab\there\u0001')).toBe(true);
    expect(isCleanText('a\u0000b')).toBe(false);
    expect(isCleanText('\uD83C')).toBe(false); // high surrogate at the end
    expect(isCleanText('\uD83Cx')).toBe(false); // high surrogate followed by a non-low
    expect(isCleanText('x\uDF27')).toBe(false); // low surrogate alone
    expect(isCleanText('\uDF27\uD83C')).toBe(false); // pair in the wrong order
    expect(isCleanText('\uD83C\uDF27')).toBe(true);
  });

  it('names the path of every bad string and key, escaping what it shows', () => {
    const doc = { records: [{ name: 'ok' }, { name: 'a\u0000b', tags: ['x', '\uD800'] }], ['bad\u0000/key']: 1 };
    expect(textIssues(doc)).toEqual([
      { path: '/bad\\u0000~1key', expected: `a field name that is ${TEXT_EXPECTED}`, got: 'bad\\u0000/key' },
      { path: '/records/1/name', expected: TEXT_EXPECTED, got: 'a\\u0000b' },
      { path: '/records/1/tags/1', expected: TEXT_EXPECTED, got: '\\ud800' },
    ]);
    expect(textIssues('\u0000', '/alert/sender')).toEqual([{ path: '/alert/sender', expected: TEXT_EXPECTED, got: '\\u0000' }]);
  });

  it('walks a deeply nested document without exhausting the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(textIssues(deep)).toHaveLength(1);
  });

  // Strings of the code units that matter: NUL, both surrogate halves at their range ends, pairs, other text.
  const units = fc.array(fc.constantFrom('a', '\u0000', '\u0001', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83C\uDF27', '思', '\uFFFF'), { maxLength: 12 }).map((a) => a.join(''));

  it('accepts exactly the strings that are well-formed Unicode without NUL (property)', () => {
    fc.assert(fc.property(units, (s) => {
      // A string that survives UTF-8 unchanged is well-formed: encodeURIComponent throws on lone surrogates.
      let wellFormed = true;
      try { encodeURIComponent(s); } catch { wellFormed = false; }
      return isCleanText(s) === (wellFormed && !s.includes('\u0000'));
    }));
    fc.assert(fc.property(units, units, (a, b) => {
      const s = `${a}\u0000${b}`;
      return !isCleanText(s) && !showText(s, Infinity).includes('\u0000');
    }));
  });
});
