import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { BackupError } from './backup-format.ts';

const NEWLINE = 0x0a;

/**
 * The lines of a gzip'd backup, each without its newline, as raw bytes (data rows go to COPY as they
 * are). A damaged or cut gzip stream, or a missing file, ends the iteration with a BackupError that
 * says so. Read with `next()`: a section stops at its end line without closing the rest.
 */
export async function* backupLines(file: string): AsyncGenerator<Buffer, void, undefined> {
  // The start of a line that runs past the chunk; kept as pieces, so a long line (a snapshot) is joined once.
  let pieces: Buffer[] = [];
  try {
    const source = createReadStream(file);
    const gunzip = createGunzip();
    // pipe() does not pass on an error of the file (no such file): gunzip is ended with it instead.
    source.on('error', (e) => gunzip.destroy(e));
    for await (const chunk of source.pipe(gunzip) as AsyncIterable<Buffer>) {
      let start = 0;
      for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
        const tail = chunk.subarray(start, i);
        yield pieces.length ? Buffer.concat([...pieces, tail]) : tail;
        pieces = [];
        start = i + 1;
      }
      if (start < chunk.length) pieces.push(chunk.subarray(start));
    }
  } catch (err) {
    throw new BackupError(describeReadError(file, err as NodeJS.ErrnoException));
  }
  if (pieces.length) throw new BackupError(`${file} is cut short: its last line has no end`);
}

function describeReadError(file: string, err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return `no such file: ${file}`;
  if (err.code === 'EISDIR') return `${file} is a directory, not a backup`;
  if (err.code === 'Z_BUF_ERROR') return `${file} is cut short (the compressed stream ends early): it was not copied whole`;
  if (err.code === 'Z_DATA_ERROR') return `${file} is not a Beacon backup or is damaged (gzip: ${err.message})`;
  return `cannot read ${file}: ${err.message}`;
}
