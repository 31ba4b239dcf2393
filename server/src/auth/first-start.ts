import type { Sql } from '@beacon/db';
import type { UserRole } from '@beacon/shared';
import { createKioskToken } from './kiosk.ts';
import type { TokenService } from './tokens.ts';
import { createUser, hasAnyUser } from './users.ts';

export interface FirstStartCredentials {
  users: { username: string; role: UserRole; password: string }[];
  kioskToken: string;
}

const firstUsers: { username: string; displayName: string; role: UserRole }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'commander', displayName: '值班领导', role: 'commander' },
  { username: 'duty', displayName: '值班员', role: 'duty' },
];

/**
 * On a database with no users: an admin, a commander and a duty officer with random passwords,
 * and a kiosk token for the hall's wall — returned to be printed once (only hashes are stored).
 * Null on every later start. Two nodes starting at once: the unique user name makes one fail.
 */
export async function provisionFirstStart(sql: Sql, tokens: TokenService): Promise<FirstStartCredentials | null> {
  if (await hasAnyUser(sql)) return null;
  const users: FirstStartCredentials['users'] = [];
  for (const u of firstUsers) {
    const { password } = await createUser(sql, u);
    users.push({ username: u.username, role: u.role, password });
  }
  const kiosk = await createKioskToken(sql, tokens, '指挥大厅主屏 (first start)');
  return { users, kioskToken: kiosk.token };
}

/** What an operator needs from a first start: the three sign-ins and the wall's link, as text lines. */
export function firstStartLines(credentials: FirstStartCredentials, baseUrl: string): string[] {
  return [
    'First start: these credentials are shown only now (only hashes are stored). Keep them.',
    ...credentials.users.map((u) => `  ${u.role.padEnd(9)} user "${u.username}"  password ${u.password}`),
    `Wall (kiosk, view only, 30 days): ${baseUrl}/wall#kiosk=${credentials.kioskToken}`,
  ];
}
