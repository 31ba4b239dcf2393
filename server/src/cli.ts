import { parseArgs } from 'node:util';
import { connectDatabase, runMigrations } from '@beacon/db';
import { departmentIds, isDepartmentId } from '@beacon/shared';
import { createDepartmentKey, listDepartmentKeys, revokeKeysByLabel, rotateDepartmentKey } from './credentials/department-keys.ts';
import { resolveDatabase } from './process/resolve-database.ts';

// Admin commands. Usage:
//   beacon keys create <department> [--label <label>]   prints a new key once (only its hash is stored)
//   beacon keys revoke <department> --label <label>
//   beacon keys rotate <department> --label <label>   new key printed once; older live keys with that label revoked
//   beacon keys list <department>                      ids, labels, created, revoked (never hashes)
const usage = `usage: beacon keys create <department> [--label <label>]
       beacon keys revoke <department> --label <label>
       beacon keys rotate <department> --label <label>
       beacon keys list <department>
departments: ${departmentIds.join(', ')}`;
const actions = ['create', 'revoke', 'rotate', 'list'] as const;

function fail(message: string): never {
  console.error(`beacon: ${message}\n${usage}`);
  process.exit(2);
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { label: { type: 'string' } }, strict: false });
const [group, action, department] = positionals;
if (group !== 'keys') fail(`expected the command "keys", got "${group ?? ''}"`);
if (!actions.includes(action as (typeof actions)[number])) fail(`expected one of ${actions.join(', ')} after "keys", got "${action ?? ''}"`);
if (!department || !isDepartmentId(department)) fail(`expected a department id, got "${department ?? ''}"`);
const label = typeof values.label === 'string' ? values.label : undefined;
if ((action === 'revoke' || action === 'rotate') && !label) fail(`"keys ${action}" needs --label <label>`);

const database = await resolveDatabase(process.env, () => {});
await runMigrations(database.url);
const db = connectDatabase(database.url, { max: 1 });
try {
  if (action === 'create') {
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
