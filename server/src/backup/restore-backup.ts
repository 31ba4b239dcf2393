import { finished } from 'node:stream/promises';
import type { TSchema, Static } from 'typebox';
import type { Sql } from '@beacon/db';
import {
  BACKUP_FORMAT_VERSION, BACKUP_MAGIC, BackupEnd, BackupError, BackupHeader, END_OF_SECTION, SectionStart, type TableSection,
} from './backup-format.ts';
import type { ValidateFunction } from 'ajv';
import { compileDocument } from '../validation/ajv-policy.ts';
import { backupLines } from './backup-lines.ts';
import { describeLevel, fixCopyFormat, migrationLevel, type Queries, stateSequences, stateTables } from './state-tables.ts';

export interface RestoreSummary {
  header: BackupHeader;
  rows: Map<string, number>;
}

type Lines = AsyncGenerator<Buffer, void, undefined>;

// Rows go to COPY in batches of about this many bytes: one write per row would cost a call per row.
const BATCH_BYTES = 256 * 1024;
const NEWLINE = Buffer.from('\n');

/**
 * Restores a backup into an empty, migrated database at the backup's migration level, in one
 * transaction: every table, then the sequences moved past the restored numbers. Any refusal — a
 * database that holds anything, another schema level, a damaged or cut file — rolls it all back.
 */
export async function restoreBackup(sql: Sql, file: string): Promise<RestoreSummary> {
  const lines = backupLines(file);
  try {
    const header = await readHeader(lines, file);
    const level = await migrationLevel(sql);
    if (level.applied !== header.migrations.applied || level.latest !== header.migrations.latest) {
      throw new BackupError(
        `the backup was taken at ${describeLevel(header.migrations)}, this database is at ${describeLevel(level)}: ` +
          'restore it with the Beacon version that took it, then upgrade',
      );
    }
    return await sql.begin(async (tx) => {
      await fixCopyFormat(tx);
      const tables = await stateTables(tx);
      expectSameTables(header.tables, tables);
      // Nothing else writes between the look and the fill: a server started meanwhile waits on these locks.
      await tx`lock table ${tx(tables.map((t) => t.name))} in access exclusive mode`;
      await expectEmpty(tx, tables);
      const rows = new Map<string, number>();
      for (const table of header.tables) rows.set(table.name, await restoreSection(tx, lines, table, file));
      await expectEnd(lines, rows, file);
      await expectSeq(tx, header, file);
      // Last, just before commit: setval is not undone by a rollback.
      await continueSequences(tx, header);
      return { header, rows };
    });
  } finally {
    await lines.return(undefined);
  }
}

async function nextLine(lines: Lines, file: string, expected: string): Promise<Buffer> {
  const next = await lines.next();
  if (next.done) throw new BackupError(`${file} is cut short: it ends where ${expected} was expected`);
  return next.value;
}

/** Each line schema compiled once, by the server's one validation policy (server/src/validation/ajv-policy.ts). */
const lineValidators = new WeakMap<TSchema, ValidateFunction>();

function validatorOf(schema: TSchema): ValidateFunction {
  let validate = lineValidators.get(schema);
  if (!validate) {
    validate = compileDocument(schema);
    lineValidators.set(schema, validate);
  }
  return validate;
}

function parseLine<S extends TSchema>(schema: S, line: Buffer, file: string, what: string): Static<S> {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    throw new BackupError(`${file} is damaged: expected ${what}, got "${line.toString('utf8', 0, 80)}"`);
  }
  const validate = validatorOf(schema);
  if (!validate(value)) {
    const problems = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    throw new BackupError(`${file} is damaged: ${what} is not as expected (${problems.join('; ')})`);
  }
  return value as Static<S>;
}

async function readHeader(lines: Lines, file: string): Promise<BackupHeader> {
  const magic = (await nextLine(lines, file, 'the first line')).toString('utf8');
  const [word, version] = magic.split(' ');
  if (word !== BACKUP_MAGIC) throw new BackupError(`${file} is not a Beacon backup (its first line is not "${BACKUP_MAGIC} …")`);
  if (version !== String(BACKUP_FORMAT_VERSION)) {
    throw new BackupError(`${file} is a Beacon backup of format ${version}; this Beacon reads format ${BACKUP_FORMAT_VERSION}`);
  }
  const header = parseLine(BackupHeader, await nextLine(lines, file, 'the header'), file, 'the header');
  if (new Set(header.tables.map((t) => t.name)).size !== header.tables.length) throw new BackupError(`${file} is damaged: its header names a table twice`);
  return header;
}

function expectSameTables(inBackup: readonly TableSection[], inDatabase: readonly TableSection[]): void {
  const describe = (tables: readonly TableSection[]) => new Set(tables.map((t) => `${t.name}(${[...t.columns].sort().join(',')})`));
  const want = describe(inBackup);
  const have = describe(inDatabase);
  const onlyBackup = [...want].filter((t) => !have.has(t));
  const onlyDatabase = [...have].filter((t) => !want.has(t));
  if (onlyBackup.length || onlyDatabase.length) {
    throw new BackupError(
      `the backup's tables differ from this database's: only in the backup ${onlyBackup.join(' ') || 'none'}; only in the database ${onlyDatabase.join(' ') || 'none'}`,
    );
  }
}

async function expectEmpty(tx: Queries, tables: readonly TableSection[]): Promise<void> {
  const found: string[] = [];
  for (const table of tables) {
    // Counted up to 1,001: enough to name what is there without reading a whole log.
    const [{ n }] = (await tx<{ n: number }[]>`select count(*)::int as n from (select 1 from ${tx(table.name)} limit 1001) t`) as unknown as [{ n: number }];
    if (n > 0) found.push(`${table.name} (${n > 1000 ? 'over 1,000' : n} row${n === 1 ? '' : 's'})`);
  }
  if (found.length) {
    throw new BackupError(
      `restore needs an empty database (migrated, never started), and this one holds ${found.join(', ')}. ` +
        'Restore into a new database: a new DATABASE_URL, or a new BEACON_DATA_DIR for the embedded PostgreSQL; nothing was changed',
    );
  }
}

async function restoreSection(tx: Queries, lines: Lines, table: TableSection, file: string): Promise<number> {
  const start = parseLine(SectionStart, await nextLine(lines, file, `the section of ${table.name}`), file, `the start of ${table.name}`);
  if (start.table !== table.name) throw new BackupError(`${file} is damaged: expected the section of ${table.name}, got one of "${start.table}"`);
  let count = 0;
  async function* rows(): AsyncGenerator<Buffer> {
    let batch: Buffer[] = [];
    let bytes = 0;
    for (;;) {
      const line = await nextLine(lines, file, `the end of ${table.name}`);
      if (line.length === END_OF_SECTION.length && line.toString('latin1') === END_OF_SECTION) break;
      count++;
      batch.push(line, NEWLINE);
      bytes += line.length + 1;
      if (bytes >= BATCH_BYTES) {
        yield Buffer.concat(batch);
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length) yield Buffer.concat(batch);
  }
  const copy = await tx`copy ${tx(table.name)} (${tx(table.columns)}) from stdin`.writable();
  const refused = (err: unknown) => new BackupError(`${file} is damaged: PostgreSQL refused the rows of ${table.name} (${(err as Error).message})`);
  try {
    // Each batch waits for its write: an error PostgreSQL sends while rows still flow ends the stream, and the wait, with it.
    for await (const batch of rows()) await new Promise<void>((resolve, reject) => copy.write(batch, (e) => (e ? reject(e) : resolve())));
  } catch (err) {
    if (!copy.destroyed) copy.destroy();
    throw err instanceof BackupError ? err : refused(err);
  }
  // Refused after the last row was sent, PostgreSQL's error arrives at the end: the writable then fails
  // with it (postgres.js needs the patch in patches/ for that, porsager/postgres#1173).
  copy.end();
  try {
    await finished(copy);
  } catch (err) {
    throw refused(err);
  }
  return count;
}

async function expectEnd(lines: Lines, rows: Map<string, number>, file: string): Promise<void> {
  const end = parseLine(BackupEnd, await nextLine(lines, file, 'the end line'), file, 'the end line');
  const counted = new Map(Object.entries(end.end.rows));
  const differ = [...rows].filter(([table, n]) => counted.get(table) !== n);
  if (differ.length || counted.size !== rows.size) {
    throw new BackupError(`${file} is damaged: the rows read differ from the rows written (${differ.map(([t, n]) => `${t}: read ${n}, written ${counted.get(t) ?? 'none'}`).join(', ') || 'another set of tables'})`);
  }
  if (!(await lines.next()).done) throw new BackupError(`${file} is damaged: there is more after its end line`);
}

/** Every sequence continues after both the number it had reached and the highest restored value. */
async function continueSequences(tx: Queries, header: BackupHeader): Promise<void> {
  const target = await stateSequences(tx);
  for (const saved of header.sequences) {
    const sequence = target.find((s) => s.table === saved.table && s.column === saved.column);
    if (!sequence) throw new BackupError(`this database has no sequence for ${saved.table}.${saved.column}, which the backup has`);
    const [{ highest }] = (await tx<{ highest: string | null }[]>`
      select max(${tx(saved.column)})::text as highest from ${tx(saved.table)}`) as unknown as [{ highest: string | null }];
    const last = Math.max(saved.last, Number(highest ?? 0));
    if (last > 0) await tx`select setval(${sequence.name}::regclass, ${last}, true)`;
  }
}

/** The restored log ends where the header says the backup's did. */
async function expectSeq(tx: Queries, header: BackupHeader, file: string): Promise<void> {
  const [{ seq }] = (await tx<{ seq: string }[]>`select coalesce(max(seq), 0)::text as seq from events`) as unknown as [{ seq: string }];
  if (Number(seq) !== header.seq) throw new BackupError(`${file} is damaged: its log ends at seq ${seq}, its header says ${header.seq}`);
}
