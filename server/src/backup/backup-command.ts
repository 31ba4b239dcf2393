import { resolve } from 'node:path';
import { connectDatabase, runMigrations } from '@beacon/db';
import { resolveDatabase } from '../process/resolve-database.ts';
import { BackupError } from './backup-format.ts';
import { restoreBackup } from './restore-backup.ts';
import { writeBackup } from './write-backup.ts';

export const backupUsage = `       beacon backup <file>                  everything Beacon keeps, from one consistent snapshot, while it runs
       beacon restore <file>                 into an empty database, before its first start`;

/**
 * `beacon backup <file>` and `beacon restore <file>`, on the database the server would use (the
 * embedded PostgreSQL, or DATABASE_URL). Returns the exit code: 0 done, 1 refused or failed, 2 misused.
 */
export async function backupCommand(kind: 'backup' | 'restore', args: readonly string[], options: readonly string[]): Promise<number> {
  if (options.length) return misuse(`"${kind}" takes no ${options.map((o) => `--${o}`).join(', ')}`);
  if (args.length !== 1 || !args[0]) return misuse(`expected "beacon ${kind} <file>", got ${args.length} argument(s)`);
  // pnpm runs the script in server/: a relative path means the caller's directory, which pnpm passes as INIT_CWD.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);
  const database = await resolveDatabase(process.env, () => {});
  try {
    // Restore makes the schema first (a new database is empty); backup changes nothing, not even the schema.
    if (kind === 'restore') await runMigrations(database.url);
    const db = connectDatabase(database.url, { max: 2 });
    try {
      const { header, rows } = kind === 'backup' ? await writeBackup(db.sql, file) : await restoreBackup(db.sql, file);
      const counts = [...rows].map(([table, n]) => `${table} ${n}`).join(', ');
      console.log(
        kind === 'backup'
          ? `Backup of ${database.description} written to ${file}: log at seq ${header.seq}, taken at ${header.takenAt}.\n  Rows: ${counts}.\n  It holds password hashes and the token-signing key: keep it where only administrators can read it.`
          : `Restored ${file} into ${database.description}: log at seq ${header.seq}, as it was at ${header.takenAt}.\n  Rows: ${counts}.\n  Start the server: users, passwords, kiosk links and department keys are those of the backup.`,
      );
      return 0;
    } finally {
      await db.close();
    }
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(`beacon: ${kind} refused: ${err.message}`);
    return 1;
  } finally {
    await database.release();
  }
}

function misuse(message: string): number {
  console.error(`beacon: ${message}\nusage: beacon backup <file>\n       beacon restore <file>`);
  return 2;
}
