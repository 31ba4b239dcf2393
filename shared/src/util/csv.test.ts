import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from './csv.ts';

describe('csvCell', () => {
  it('neutralises every text that a spreadsheet would run as a formula', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${lead}HYPERLINK("http://x")`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('quotes a cell holding a quote, comma or line break and doubles its quotes', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('\r=1')).toBe(`"'\r=1"`); // guarded, then quoted for its carriage return
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
  });

  it('leaves plain text, numbers and empty cells as they are', () => {
    expect(csvCell('厦门市气象台')).toBe('厦门市气象台');
    expect(csvCell('a-b=c')).toBe('a-b=c'); // only the first character can start a formula
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3.5)).toBe('-3.5'); // a number is never a formula
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('csvFile', () => {
  it('writes a byte-order mark, CRLF line ends and one guarded cell per value', () => {
    expect(csvFile([['时间', 'who'], ['=cmd', 7], []])).toBe("\uFEFF时间,who\r\n'=cmd,7\r\n\r\n");
  });
});
