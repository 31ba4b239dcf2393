import { expect } from 'vitest';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { categories, type DepartmentId } from '@beacon/shared';
import type { TestServer } from './test-server.ts';

/**
 * Sends records of a category as its own department does: the department's key (made on first use,
 * one per department), the public ingest API; fails the test unless the batch is accepted.
 */
export function departmentSender(server: () => TestServer, label: string) {
  const keys = new Map<DepartmentId, string>();
  return async function send(category: string, records: unknown[]): Promise<void> {
    const department = categories.get(category)!.department;
    if (!keys.has(department)) keys.set(department, (await createDepartmentKey(server().db.sql, department, label)).key);
    const res = await fetch(`${server().baseUrl}/api/v1/ingest/${category}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(department)}` },
      body: JSON.stringify({ records }),
    });
    expect(res.status, `${category}: ${await res.clone().text()}`).toBe(200);
  };
}
