import { describe, expect, it } from 'vitest';
import { escapePointer, issuesFromAjv, valueAt } from './ajv-issues.ts';

describe('issuesFromAjv', () => {
  it('names an unknown property by an escaped JSON pointer and echoes its value', () => {
    const body = { records: [{ 'a/b~c': 5 }] };
    const [issue] = issuesFromAjv([{ keyword: 'additionalProperties', instancePath: '/records/0', params: { additionalProperty: 'a/b~c' } }], body);
    expect(issue).toEqual({ path: '/records/0/a~1b~0c', expected: 'no such field (unknown property)', got: 5 });
  });

  it('says "nothing" for a missing value and never leaves got undefined', () => {
    const issues = issuesFromAjv(
      [
        { keyword: 'required', instancePath: '', params: { missingProperty: 'records' } },
        { keyword: 'type', instancePath: '/x/y', params: { type: 'number' } },
      ],
      {},
    );
    expect(issues).toEqual([
      { path: '/records', expected: 'a value (required)', got: 'nothing' },
      { path: '/x/y', expected: 'number', got: 'nothing' },
    ]);
  });

  it('clips long strings so an error never echoes a huge payload', () => {
    expect(String(valueAt({ s: 'x'.repeat(10_000) }, '/s')).length).toBeLessThan(200);
    expect(escapePointer('~/')).toBe('~0~1');
  });
});
