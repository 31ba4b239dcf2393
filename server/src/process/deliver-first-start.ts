import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIRST_START_FILE = 'first-start-credentials.txt';

export type FirstStartDelivery = { shown: 'terminal' } | { shown: 'file'; file: string } | { shown: 'nowhere'; reason: string };

/**
 * The first start's one-time credentials go to a person, never into a log. On an interactive
 * terminal they are printed. Otherwise stdout is a pipe into a journal, a container log or a
 * file, which others read and keep: they are written to `first-start-credentials.txt` in the
 * data directory, readable by this user only (0600), and only that file's path is printed.
 * A later first start (a new, empty database) replaces the file.
 */
export function deliverFirstStart(
  lines: string[],
  { interactive, dataDir, print }: { interactive: boolean; dataDir: string; print: (line: string) => void },
): FirstStartDelivery {
  if (interactive) {
    for (const line of lines) print(`  ${line}`);
    return { shown: 'terminal' };
  }
  const file = join(dataDir, FIRST_START_FILE);
  // Created afresh with 0600 and 'wx' (fails rather than follow a planted link or reuse a file
  // whose mode is wider): the secrets are never in a file anyone else may read, not for a moment.
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    rmSync(file, { force: true });
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Still never on stdout. The users exist; an administrator with database access sets new passwords.
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    print(`  First start: the one-time credentials could not be written to ${file} (${reason}), and stdout is not a terminal.`);
    print('  Set passwords with `npx -y pnpm@12.21.0 beacon users reset-password admin` (and commander, duty); make a wall link with `beacon kiosk create`.');
    return { shown: 'nowhere', reason };
  }
  print(`  First start: the one-time credentials (admin, commander, duty, the wall's link) are in ${file}`);
  print('  (mode 0600; stdout is not a terminal, so they are not printed). Keep them elsewhere, then delete the file.');
  return { shown: 'file', file };
}
