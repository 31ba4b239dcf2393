/** One cell of a CSV file: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * A cell as written: a text that a spreadsheet would run as a formula (it begins with = + - @, a
 * tab or a carriage return) is given a leading apostrophe, so it shows as text instead. Records and
 * names come from departments and users, and an exported file is opened on the duty officers'
 * machines. Then RFC 4180: quoted when it holds a quote, comma or line break, its quotes doubled.
 * Numbers are written as they are: one cannot be a formula, and a negative one stays a number.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV file: CRLF line ends and a UTF-8 byte-order mark, so the spreadsheet programs used in the
 * bureau open the Chinese text as UTF-8.
 */
export function csvFile(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
