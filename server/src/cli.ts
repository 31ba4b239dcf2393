import { parseArgs } from 'node:util';
import { connectDatabase, runMigrations } from '@beacon/db';
import { departmentIds, isDepartmentId, userRoles, type DepartmentId, type UserRole } from '@beacon/shared';
import { USERNAME_PATTERN } from './auth/auth-schemas.ts';
import { createKioskToken } from './auth/kiosk.ts';
import { createTokenService, loadTokenSecret } from './auth/tokens.ts';
import { createUser, findUser, listUsers } from './auth/users.ts';
import { createDepartmentKey, listDepartmentKeys, revokeKeysByLabel, rotateDepartmentKey } from './credentials/department-keys.ts';
import { resolveDatabase } from './process/resolve-database.ts';

// Admin commands. Usage:
//   beacon keys create <department> [--label <label>]   prints a new key once (only its hash is stored)
//   beacon keys revoke <department> --label <label>
//   beacon keys rotate <department> --label <label>   new key printed once; older live keys with that label revoked
//   beacon keys list <department>                      ids, labels, created, revoked (never hashes)
//   beacon users create <username> --role duty|commander|admin [--name <display name>]   password printed once
//   beacon users list
//   beacon kiosk create --label <wall>                 a view-only wall link, printed once
const usage = `usage: beacon keys create <department> [--label <label>]
       beacon keys revoke <department> --label <label>
       beacon keys rotate <department> --label <label>
       beacon keys list <department>
       beacon users create <username> --role duty|commander|admin [--name <display name>]
       beacon users list
       beacon kiosk create --label <wall>
departments: ${departmentIds.join(', ')}`;
const actions = ['create', 'revoke', 'rotate', 'list'] as const;

function fail(message: string): never {
  console.error(`beacon: ${message}\n${usage}`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true, options: { label: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, strict: false,
});
const [group, action, subject] = positionals;
if (group !== 'keys' && group !== 'users' && group !== 'kiosk') fail(`expected one of keys, users, kiosk, got "${group ?? ''}"`);
const label = typeof values.label === 'string' ? values.label : undefined;
if (group === 'keys') {
  if (!actions.includes(action as (typeof actions)[number])) fail(`expected one of ${actions.join(', ')} after "keys", got "${action ?? ''}"`);
  if (!subject || !isDepartmentId(subject)) fail(`expected a department id, got "${subject ?? ''}"`);
  if ((action === 'revoke' || action === 'rotate') && !label) fail(`"keys ${action}" needs --label <label>`);
}
if (group === 'users') {
  if (action !== 'create' && action !== 'list') fail(`expected create or list after "users", got "${action ?? ''}"`);
  if (action === 'create') {
    if (!subject || !new RegExp(USERNAME_PATTERN).test(subject)) fail(`expected a user name (2–32 of a-z 0-9 . _ -), got "${subject ?? ''}"`);
    if (!(userRoles as readonly unknown[]).includes(values.role)) fail(`--role expects one of ${userRoles.join(', ')}, got "${String(values.role ?? '')}"`);
  }
}
if (group === 'kiosk' && (action !== 'create' || !label)) fail('expected "kiosk create --label <wall>"');

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
  if (await findUser(sql, subject!)) fail(`a user named "${subject}" exists`);
  const role = values.role as UserRole;
  const { password } = await createUser(sql, { username: subject!, displayName: typeof values.name === 'string' ? values.name : subject!, role });
  console.log(`User "${subject}" (${role}) created. Password, shown only now:\n${password}`);
}
