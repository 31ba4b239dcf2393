import { describe, expect, it } from 'vitest';
import { dict, dictFrom, own, setOwn } from './dict.ts';

describe('dict', () => {
  it('answers nothing for prototype names it was not given', () => {
    const d = dict<number>();
    for (const k of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(d[k]).toBeUndefined();
    expect(own({} as Record<string, number>, 'constructor')).toBeUndefined();
  });
  it('stores and serialises prototype names as ordinary keys', () => {
    const d = dict<number>([['constructor', 1]]);
    setOwn(d, '__proto__', 2);
    expect(own(d, 'constructor')).toBe(1);
    expect(own(d, '__proto__')).toBe(2);
    expect(Object.getPrototypeOf(d)).toBeNull();
    const back = dictFrom(JSON.parse(JSON.stringify(d)) as Record<string, number>);
    expect(own(back, '__proto__')).toBe(2);
    expect(Object.keys(back).sort()).toEqual(['__proto__', 'constructor']);
  });
});
