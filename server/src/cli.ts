import { parseArgs } from 'node:util';
import { connectDatabase, runMigrations } from '@beacon/db';
import { departmentIds, isDepartmentId, userRoles, type DepartmentId, type UserRole } from '@beacon/shared';
import { USERNAME_PATTERN } from './auth/auth-schemas.ts';
import { createKioskToken } from './auth/kiosk.ts';
import { passwordIssues } from './auth/password-policy.ts';
import { createTokenService, loadTokenSecret } from './auth/tokens.ts';
import { createUser, findUser, listUsers, resetPassword } from './auth/users.ts';
import { createDepartmentKey, listDepartmentKeys, revokeKeysByLabel, rotateDepartmentKey } from './credentials/department-keys.ts';
import { backupCommand, backupUsage } from './backup/backup-command.ts';
import { InputError, type Issue } from './errors/input-error.ts';
import { resolveDatabase } from './process/resolve-database.ts';

// Admin commands. Usage:
//   beacon keys create <department> [--label <label>]   prints a new key once (only its hash is stored)
//   beacon keys revoke <department> --label <label>
//   beacon keys rotate <department> --label <label>   new key printed once; older live keys with that label revoked
//   beacon keys list <department>                      ids, labels, created, revoked (never hashes)
//   beacon users create <username> --role duty|commander|admin [--name <display name>] [--password-stdin | --password <p>]
//                                                      without a password option, a random one is printed once
//   beacon users reset-password <username> [--password-stdin | --password <p>]
//   beacon users list
//   beacon kiosk create --label <wall>                 a view-only wall link, printed once
//   beacon backup <file> / beacon restore <file>       see backup/backup-command.ts and the README
// A chosen password is checked by the same policy as the API's (auth/password-policy.ts).
// --password-stdin reads it from a pipe; --password works too but leaves it in the shell's history
// and, while the command runs, in the process list, so it warns.
const usage = `usage: beacon keys create <department> [--label <label>]
       beacon keys revoke <department> --label <label>
       beacon keys rotate <department> --label <label>
       beacon keys list <department>
       beacon users create <username> --role duty|commander|admin [--name <display name>] [--password-stdin | --password <password>]
       beacon users reset-password <username> [--password-stdin | --password <password>]
       beacon users list
       beacon kiosk create --label <wall>
${backupUsage}
without a password option a random password is made and printed once;
--password-stdin reads it from a pipe: printf '%s' "$NEW_PASSWORD" | beacon users create …
departments: ${departmentIds.join(', ')}`;
const actions = ['create', 'revoke', 'rotate', 'list'] as const;
const userActions = ['create', 'reset-password', 'list'] as const;

function fail(message: string): never {
  console.error(`beacon: ${message}\n${usage}`);
  process.exit(2);
}

/** A refused password: every rule it breaks, never the password itself. */
function passwordRefusal(issues: Issue[]): string {
  return `beacon: the password is refused:\n${issues.map((i) => `  expected ${i.expected} (got ${String(i.got)})`).join('\n')}`;
}

// strict: an unknown or misspelt option (--pasword, --role=) is refused, never silently ignored.
let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      label: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' },
      password: { type: 'string' }, 'password-stdin': { type: 'boolean' },
    },
  });
}
try {
  parsed = parse();
} catch (err) {
  fail((err as Error).message);
}
const { positionals, values } = parsed;
const [group, action, subject, ...extra] = positionals;
if (group === 'backup' || group === 'restore') {
  process.exit(await backupCommand(group, positionals.slice(1), Object.keys(values)));
}
if (group !== 'keys' && group !== 'users' && group !== 'kiosk') fail(`expected one of keys, users, kiosk, backup, restore, got "${group ?? ''}"`);
if (extra.length) fail(`unexpected argument(s): ${extra.map((e) => `"${e}"`).join(' ')}`);
const label = values.label;
const allowed: Record<string, readonly string[]> = {
  'keys create': ['label'], 'keys revoke': ['label'], 'keys rotate': ['label'], 'keys list': [],
  'users create': ['role', 'name', 'password', 'password-stdin'], 'users reset-password': ['password', 'password-stdin'], 'users list': [],
  'kiosk create': ['label'],
};
if (group === 'keys') {
  if (!actions.includes(action as (typeof actions)[number])) fail(`expected one of ${actions.join(', ')} after "keys", got "${action ?? ''}"`);
  if (!subject || !isDepartmentId(subject)) fail(`expected a department id, got "${subject ?? ''}"`);
  if ((action === 'revoke' || action === 'rotate') && !label) fail(`"keys ${action}" needs --label <label>`);
}
if (group === 'users') {
  if (!userActions.includes(action as (typeof userActions)[number])) fail(`expected one of ${userActions.join(', ')} after "users", got "${action ?? ''}"`);
  if (action !== 'list' && (!subject || !new RegExp(USERNAME_PATTERN).test(subject))) fail(`expected a user name (2–32 of a-z 0-9 . _ -), got "${subject ?? ''}"`);
  if (action === 'create' && !(userRoles as readonly unknown[]).includes(values.role)) fail(`--role expects one of ${userRoles.join(', ')}, got "${String(values.role ?? '')}"`);
  if (action === 'list' && subject) fail(`"users list" takes no user name, got "${subject}"`);
}
if (group === 'kiosk' && (action !== 'create' || !label)) fail('expected "kiosk create --label <wall>"');
const command = `${group} ${action}`;
const misplaced = Object.keys(values).filter((option) => !allowed[command]!.includes(option));
if (misplaced.length) fail(`"${command}" takes no ${misplaced.map((o) => `--${o}`).join(', ')}`);
if (values.password !== undefined && values['password-stdin']) fail('give the password with --password-stdin or --password, not both');

const chosenPassword = values['password-stdin'] ? await passwordFromStdin() : values.password;
if (values.password !== undefined) {
  console.error('beacon: warning: --password leaves the password in your shell history and, while this runs, in the process list; prefer --password-stdin');
}
// Checked before the database is touched; the user functions check again (with the display name).
if (chosenPassword !== undefined) {
  const issues = passwordIssues(chosenPassword, { username: subject!, ...(typeof values.name === 'string' ? { displayName: values.name } : {}) });
  if (issues.length) {
    console.error(passwordRefusal(issues));
    process.exit(2);
  }
}

async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) fail('--password-stdin reads the password from a pipe, e.g. printf \'%s\' "$NEW_PASSWORD" | beacon users …');
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  // One trailing line break is the pipe's (echo, a file), not the password's.
  return text.replace(/\r?\n$/, '');
}

const database = await resolveDatabase(process.env, () => {});
await runMigrations(database.url);
const db = connectDatabase(database.url, { max: 1 });
const department = subject as DepartmentId;
try {
  if (group === 'users') await users(db.sql);
  else if (group === 'kiosk') {
    const tokens = createTokenService(await loadTokenSecret(db.sql), Date.now);
    const kiosk = await createKioskToken(db.sql, tokens, label!);
    console.log(`Kiosk "${label}" (id ${kiosk.id}), view only, until ${new Date(kiosk.expiresAt).toISOString()}. Open on the wall (shown only now):\n/wall#kiosk=${kiosk.token}`);
  } else if (action === 'create') {
    const created = await createDepartmentKey(db.sql, department, label ?? 'integration');
    console.log(`New key for ${department} (label "${created.label}", id ${created.id}). It is shown only now:\n${created.key}`);
  } else if (action === 'rotate') {
    const rotated = await rotateDepartmentKey(db.sql, department, label!);
    console.log(
      `New key for ${department} (label "${rotated.label}", id ${rotated.id}); revoked ${rotated.revoked} older key(s) with that label.\n` +
        `It is shown only now:\n${rotated.key}`,
    );
  } else if (action === 'list') {
    const keys = await listDepartmentKeys(db.sql, department);
    if (!keys.length) console.log(`No keys for ${department}.`);
    for (const k of keys) console.log([k.id, k.label, `created ${k.createdAt}`, k.revokedAt ? `revoked ${k.revokedAt}` : 'live'].join('\t'));
  } else {
    const n = await revokeKeysByLabel(db.sql, department, label!);
    console.log(`Revoked ${n} key(s) of ${department} labelled "${label}".`);
  }
} finally {
  await db.close();
  await database.release();
}

async function users(sql: typeof db.sql): Promise<void> {
  if (action === 'list') {
    for (const u of await listUsers(sql)) console.log([u.username, u.role, u.displayName, `created ${u.createdAt}`, u.disabledAt ? 'disabled' : 'active'].join('\t'));
    return;
  }
  try {
    if (action === 'reset-password') {
      const reset = await resetPassword(sql, subject!, chosenPassword);
      if (!reset) return refuse(`no active user "${subject}"`);
      console.log(`Password of "${subject}" reset.${chosenPassword === undefined ? ` New password, shown only now:\n${reset.password}` : ''}`);
      return;
    }
    if (await findUser(sql, subject!)) return refuse(`a user named "${subject}" exists`);
    const role = values.role as UserRole;
    const { password } = await createUser(sql, {
      username: subject!, displayName: typeof values.name === 'string' ? values.name : subject!, role,
      ...(chosenPassword !== undefined ? { password: chosenPassword } : {}),
    });
    console.log(`User "${subject}" (${role}) created.${chosenPassword === undefined ? ` Password, shown only now:\n${password}` : ' Password as given.'}`);
  } catch (err) {
    if (!(err instanceof InputError) || err.statusCode !== 400) throw err;
    console.error(passwordRefusal(err.issues));
    process.exitCode = 2;
  }
}

/** Refuses after the database is open: says why and exits 2 once the connection is closed. */
function refuse(message: string): void {
  console.error(`beacon: ${message}`);
  process.exitCode = 2;
}
