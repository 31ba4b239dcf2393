import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Sql } from '@beacon/db';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, BackupError, END_OF_SECTION, type BackupHeader } from './backup-format.ts';
import { fixCopyFormat, migrationLevel, stateSequences, stateTables } from './state-tables.ts';

export interface BackupSummary {
  header: BackupHeader;
  /** Rows written per table. */
  rows: Map<string, number>;
}

const NEWLINE = 0x0a;

/**
 * Writes every table of Beacon's state to `file` from one REPEATABLE READ, read-only snapshot: a
 * running server keeps ingesting, and the backup is the database as one moment saw it (an event and
 * its current_state row, a command and its audit entry, come together or not at all). Written to a
 * temporary name and renamed when complete, so a failed backup never leaves a file that looks whole.
 */
export async function writeBackup(sql: Sql, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  try {
    const summary = await sql.begin('isolation level repeatable read read only', async (tx) => {
      await fixCopyFormat(tx);
      const [moment] = await tx<{ takenAt: string; seq: string }[]>`
        select to_json(now())#>>'{}' as "takenAt", coalesce((select max(seq) from events), 0)::text as seq`;
      const header: BackupHeader = {
        format: BACKUP_FORMAT_VERSION,
        takenAt: moment!.takenAt,
        migrations: await migrationLevel(tx),
        seq: Number(moment!.seq),
        tables: await stateTables(tx),
        sequences: await stateSequences(tx),
      };
      const rows = new Map<string, number>();
      async function* content(): AsyncGenerator<Buffer | string> {
        yield `${BACKUP_MAGIC} ${BACKUP_FORMAT_VERSION}\n${JSON.stringify(header)}\n`;
        for (const table of header.tables) {
          yield `${JSON.stringify({ table: table.name })}\n`;
          let count = 0;
          const copy = await tx`copy ${tx(table.name)} (${tx(table.columns)}) to stdout`.readable();
          for await (const chunk of copy as AsyncIterable<Buffer>) {
            // COPY's text format ends every row with a newline and escapes the ones inside values.
            for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) count++;
            yield chunk;
          }
          resumeConnection(copy);
          rows.set(table.name, count);
          yield `${END_OF_SECTION}\n`;
        }
        yield `${JSON.stringify({ end: { rows: Object.fromEntries(rows) } })}\n`;
      }
      await pipeline(content, createGzip(), createWriteStream(partial, { mode: 0o600 }));
      return { header, rows };
    });
    await rename(partial, file);
    return summary;
  } catch (err) {
    await rm(partial, { force: true });
    // A file system refusal (no such directory, no permission, disk full) is the operator's to fix: said in one line.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOSPC' || code === 'EROFS' || code === 'EISDIR') {
      throw new BackupError(`cannot write ${file}: ${(err as Error).message}`);
    }
    throw err;
  }
}

/**
 * postgres.js 3.4.9 pauses its socket when a COPY stream's buffer is full and resumes it only when the
 * stream is read again; if the last rows filled it, the stream ends with the socket still paused, and
 * the next query on the connection waits forever (porsager/postgres#917, fix proposed in #1016). It
 * showed here as a backup that hung while the server kept ingesting. Asking the ended stream for more
 * resumes the socket; on a socket that is not paused it does nothing.
 */
function resumeConnection(copy: unknown): void {
  (copy as { _read(size: number): void })._read(0);
}

