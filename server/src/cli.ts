import { parseArgs } from 'node:util';
import { connectDatabase, runMigrations } from '@beacon/db';
import { departmentIds, isDepartmentId } from '@beacon/shared';
import { createDepartmentKey, revokeKeysByLabel } from './credentials/department-keys.ts';
import { resolveDatabase } from './process/resolve-database.ts';

// Admin commands. Usage:
//   beacon keys create <department> [--label <label>]   prints a new key once (only its hash is stored)
//   beacon keys revoke <department> --label <label>
const usage = `usage: beacon keys create <department> [--label <label>] | beacon keys revoke <department> --label <label>
departments: ${departmentIds.join(', ')}`;

function fail(message: string): never {
  console.error(`beacon: ${message}\n${usage}`);
  process.exit(2);
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { label: { type: 'string' } }, strict: false });
const [group, action, department] = positionals;
if (group !== 'keys') fail(`expected the command "keys", got "${group ?? ''}"`);
if (action !== 'create' && action !== 'revoke') fail(`expected "create" or "revoke" after "keys", got "${action ?? ''}"`);
if (!department || !isDepartmentId(department)) fail(`expected a department id, got "${department ?? ''}"`);
const label = typeof values.label === 'string' ? values.label : undefined;
if (action === 'revoke' && !label) fail('"keys revoke" needs --label <label>');

const database = await resolveDatabase(process.env, () => {});
await runMigrations(database.url);
const db = connectDatabase(database.url, { max: 1 });
try {
  if (action === 'create') {
    const created = await createDepartmentKey(db.sql, department, label ?? 'integration');
    console.log(`New key for ${department} (label "${created.label}", id ${created.id}). It is shown only now:\n${created.key}`);
  } else {
    const n = await revokeKeysByLabel(db.sql, department, label!);
    console.log(`Revoked ${n} key(s) of ${department} labelled "${label}".`);
  }
} finally {
  await db.close();
  await database.release();
}
