import { randomUUID } from 'node:crypto';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import type { Command } from '@beacon/shared';
import type { TestServer } from './test-server.ts';

/** Posts incidents and rescue teams as the emergency bureau would, through the real ingest API. */
export async function emergencyFeed(server: TestServer) {
  const { key } = await createDepartmentKey(server.db.sql, 'emergency', 'test');
  const send = async (category: string, record: Record<string, unknown>) => {
    const res = await fetch(`${server.baseUrl}/api/v1/ingest/${category}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ records: [record] }),
    });
    if (res.status !== 200) throw new Error(`${category}: ${res.status} ${await res.text()}`);
    await server.app.engine.catchUp();
  };
  let minute = 0;
  const observedAt = () => new Date(Date.now() - 60 * 60_000 + (minute++) * 1000).toISOString();
  return {
    key,
    incident: (incidentId: string, fields: Record<string, unknown> = {}) => send('incident', {
      incidentId, observedAt: observedAt(), version: 1, kind: 'waterlogging', severity: 'III', status: 'open',
      title: `集美区灌口镇积水 ${incidentId}`, lon: 118.03, lat: 24.6, district: '集美区', ...fields,
    }),
    team: (teamId: string, fields: Record<string, unknown> = {}) => send('rescue-team', {
      teamId, observedAt: observedAt(), version: 1, name: `救援队 ${teamId}`, tier: 'comprehensive', members: 30,
      status: 'standby', lon: 118.1, lat: 24.5, district: '思明区', ...fields,
    }),
  };
}

export interface IssueResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** POSTs one command as the holder of `token`. */
export async function issue(server: TestServer, token: string, command: Command | Record<string, unknown>, opts: { commandId?: string; reason?: string } = {}): Promise<IssueResult> {
  const res = await fetch(`${server.baseUrl}/api/v1/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ commandId: opts.commandId ?? randomUUID(), reason: opts.reason ?? 'test', command }),
  });
  return { status: res.status, body: await res.json() };
}
