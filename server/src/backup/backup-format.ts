import { Type, type Static } from 'typebox';

// A Beacon backup is one gzip'd text file, read and written as a stream:
//
//   BEACON-BACKUP 1                       the magic line and the format version
//   {header}                              BackupHeader as JSON
//   {"table":"events"}                    a section per table, in the header's order …
//   <rows in COPY text format>            … its rows exactly as PostgreSQL's COPY … TO STDOUT wrote them
//   \.                                    COPY's own end-of-data line (a row can never be just "\.")
//   {"end":{"rows":{"events":123,…}}}     the row count of every section: a file cut short is refused
//
// gzip's CRC catches a damaged file; the end line and the counts catch one cut at a line boundary.
// COPY's text format keeps every value as PostgreSQL prints it (jsonb, timestamptz with offset, NULL
// as \N), so nothing is re-encoded between the two databases.

export const BACKUP_MAGIC = 'BEACON-BACKUP';
export const BACKUP_FORMAT_VERSION = 1;
export const END_OF_SECTION = '\\.';

/** How far the schema was migrated: drizzle's count of applied migrations and the newest one's timestamp. */
export const MigrationLevel = Type.Object({
  applied: Type.Integer({ minimum: 0 }),
  latest: Type.Union([Type.Integer(), Type.Null()]),
});
export type MigrationLevel = Static<typeof MigrationLevel>;

export const TableSection = Type.Object({
  name: Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }),
  columns: Type.Array(Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }), { minItems: 1 }),
});
export type TableSection = Static<typeof TableSection>;

/** A sequence that feeds a column (events.seq, audit_entries.id): restored to continue after both. */
export const SequenceValue = Type.Object({
  name: Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }),
  table: Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }),
  column: Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }),
  /** The last number handed out (0: none yet). */
  last: Type.Integer({ minimum: 0 }),
});
export type SequenceValue = Static<typeof SequenceValue>;

export const BackupHeader = Type.Object({
  format: Type.Literal(BACKUP_FORMAT_VERSION),
  /** When the snapshot was taken, by the database's clock (RFC 3339). */
  takenAt: Type.String(),
  migrations: MigrationLevel,
  /** The highest log sequence in the backup (0: an empty log). */
  seq: Type.Integer({ minimum: 0 }),
  tables: Type.Array(TableSection),
  sequences: Type.Array(SequenceValue),
});
export type BackupHeader = Static<typeof BackupHeader>;

export const SectionStart = Type.Object({ table: Type.String() });

export const BackupEnd = Type.Object({
  end: Type.Object({ rows: Type.Record(Type.String(), Type.Integer({ minimum: 0 })) }),
});
export type BackupEnd = Static<typeof BackupEnd>;

/** Why a backup or restore was refused; the message says what to do and is printed as it is. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
