import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_DEADLINE_MS, postClock, teamStatus, assignedTeams } from '@beacon/shared';
import { LOG_CHANNEL } from '@beacon/server/engine/log-follower.ts';
import { emergencyFeed, issue } from '../support/command-fixtures.ts';
import { watch } from '../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let database: TestDatabase;
let server: TestServer;
let feed: Awaited<ReturnType<typeof emergencyFeed>>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { hub: { tickMs: 20 } });
  feed = await emergencyFeed(server);
  await feed.incident('INC-1');
  await feed.incident('INC-2', { district: '思明区', lon: 118.09, lat: 24.47 });
  await feed.incident('INC-CLOSED', { status: 'closed' });
  for (const t of ['T-1', 'T-2', 'T-3']) await feed.team(t);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const state = () => server.app.engine.state;
const commandEvents = async () => (await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'command.issued'`)[0]!.n;

describe('the forward command post', () => {
  it('is ordered by a commander, counts 30 minutes from the log time, and takes milestones with who and when', async () => {
    const ordered = await issue(server, server.tokens.commander, { kind: 'post.order', postId: 'FP-1', incidentId: 'INC-1' }, { reason: '灌口镇积水严重' });
    expect(ordered.status).toBe(201);
    const post = state().command.posts['FP-1']!;
    expect(post.ordered.at).toBe(ordered.body.at);
    expect(post.deadline).toBe(ordered.body.at + POST_DEADLINE_MS);
    expect(post.ordered.by).toEqual({ id: 'test-commander', name: 'commander (test)', role: 'commander' });
    expect(postClock(post, ordered.body.at + 10 * 60_000)).toEqual({ remainingMs: 20 * 60_000, phase: 'running' });
    expect(postClock(post, post.deadline).phase).toBe('overdue');

    const onSite = await issue(server, server.tokens.duty, { kind: 'post.milestone', postId: 'FP-1', milestone: 'on-site' });
    expect(onSite.status).toBe(201);
    expect(state().command.posts['FP-1']!.milestones['on-site']).toMatchObject({ by: { role: 'duty' }, at: onSite.body.at });

    const again = await issue(server, server.tokens.commander, { kind: 'post.milestone', postId: 'FP-1', milestone: 'on-site' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BEACON_MILESTONE_MARKED');
    expect(again.body.message).toContain('duty (test)');

    const noLink = await issue(server, server.tokens.duty, { kind: 'post.milestone', postId: 'FP-1', milestone: 'comms-linked' });
    expect(noLink.status).toBe(422);
    expect(noLink.body.issues[0]).toMatchObject({ path: '/command/link', expected: '"satellite" or "4g"' });

    const linked = await issue(server, server.tokens.duty, { kind: 'post.milestone', postId: 'FP-1', milestone: 'comms-linked', link: 'satellite' });
    expect(linked.status).toBe(201);
    expect(postClock(state().command.posts['FP-1']!, linked.body.at + 3600_000).phase).toBe('linked');
  });

  it('refuses a second post for the same incident, a post for a closed or unknown incident, and milestones of unknown posts', async () => {
    expect((await issue(server, server.tokens.commander, { kind: 'post.order', postId: 'FP-1b', incidentId: 'INC-1' })).body.code).toBe('BEACON_POST_EXISTS');
    expect((await issue(server, server.tokens.commander, { kind: 'post.order', postId: 'FP-9', incidentId: 'INC-CLOSED' })).body.code).toBe('BEACON_INCIDENT_CLOSED');
    const unknown = await issue(server, server.tokens.commander, { kind: 'post.order', postId: 'FP-9', incidentId: 'NOPE' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.issues[0]).toMatchObject({ path: '/command/incidentId', got: 'NOPE' });
    expect((await issue(server, server.tokens.duty, { kind: 'post.milestone', postId: 'FP-404', milestone: 'video-up' })).status).toBe(404);
  });

  it('lets several posts run at once, and reaches screens as state', async () => {
    const screen = await watch(server);
    try {
      const r = await issue(server, server.tokens.commander, { kind: 'post.order', postId: 'FP-2', incidentId: 'INC-2' });
      expect(r.status).toBe(201);
      const seen = await screen.until((s) => s.command.posts['FP-2'] !== undefined);
      expect(Object.keys(seen.command.posts).sort()).toEqual(['FP-1', 'FP-2']);
      expect(seen.command.posts['FP-2']!.deadline).toBe(r.body.at + POST_DEADLINE_MS);
    } finally {
      screen.close();
    }
  });
});

describe('commands reach every node', () => {
  it('wake the other nodes\' log followers at commit (NOTIFY with the command\'s sequence), not at their next poll', async () => {
    const notified: string[] = [];
    const listener = await server.db.sql.listen(LOG_CHANNEL, (upTo) => notified.push(upTo));
    try {
      const r = await issue(server, server.tokens.duty, { kind: 'wall.focus', view: { kind: 'district', district: '湖里区' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      await expect.poll(() => notified).toContain(String(r.body.seq));
    } finally {
      await listener.unlisten();
    }
  });
});

describe('commands are idempotent', () => {
  it('stores a retried command once and answers the retry with the first outcome', async () => {
    const commandId = randomUUID();
    const before = await commandEvents();
    const first = await issue(server, server.tokens.duty, { kind: 'incident.acknowledge', incidentId: 'INC-2' }, { commandId });
    const retry = await issue(server, server.tokens.duty, { kind: 'incident.acknowledge', incidentId: 'INC-2' }, { commandId });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    expect(await commandEvents()).toBe(before + 1);
  });

  it('refuses the same id for a different command', async () => {
    const commandId = randomUUID();
    await issue(server, server.tokens.duty, { kind: 'wall.focus', view: { kind: 'district', district: '集美区' } }, { commandId });
    const reused = await issue(server, server.tokens.duty, { kind: 'wall.focus', view: { kind: 'city' } }, { commandId });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'BEACON_COMMAND_ID_REUSED', issues: [{ path: '/commandId' }] });
    expect(state().command.wallFocus?.view).toEqual({ kind: 'district', district: '集美区' });
  });
});

describe('dispatching teams', () => {
  it('commits a team to an incident; the team shows dispatched and the incident lists it', async () => {
    const r = await issue(server, server.tokens.commander, { kind: 'team.dispatch', teamId: 'T-1', incidentId: 'INC-1' });
    expect(r.status).toBe(201);
    expect(teamStatus(state(), 'T-1')).toBe('dispatched');
    expect(assignedTeams(state(), 'INC-1').map((c) => c.teamId)).toEqual(['T-1']);
  });

  it('refuses a team committed elsewhere, clearly, and keeps the first dispatch', async () => {
    const r = await issue(server, server.tokens.commander, { kind: 'team.dispatch', teamId: 'T-1', incidentId: 'INC-2' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('BEACON_TEAM_COMMITTED');
    expect(r.body.message).toContain('INC-1');
    expect(state().command.dispatches['T-1']!.incidentId).toBe('INC-1');
  });

  it('refuses a team its own terminal reports busy at another incident', async () => {
    await feed.team('T-3', { status: 'on-site', incidentId: 'INC-1' });
    const r = await issue(server, server.tokens.commander, { kind: 'team.dispatch', teamId: 'T-3', incidentId: 'INC-2' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('BEACON_TEAM_COMMITTED');
  });

  it('lets only one of two simultaneous dispatches of the same team through', async () => {
    const results = await Promise.all(['INC-1', 'INC-2'].map((incidentId) =>
      issue(server, server.tokens.commander, { kind: 'team.dispatch', teamId: 'T-2', incidentId })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.status === 201)!;
    expect(state().command.dispatches['T-2']!.commandId).toBeDefined();
    expect(state().command.dispatches['T-2']!.at).toBe(winner.body.at);
  });

  it('frees a released team for another incident', async () => {
    expect((await issue(server, server.tokens.duty, { kind: 'team.release', teamId: 'T-1' })).status).toBe(201);
    expect((await issue(server, server.tokens.commander, { kind: 'team.dispatch', teamId: 'T-1', incidentId: 'INC-2' })).status).toBe(201);
  });
});

describe('response level', () => {
  it('is raised and lowered by a commander only, and the same level twice is refused', async () => {
    expect((await issue(server, server.tokens.duty, { kind: 'response.set', level: 'II' })).status).toBe(403);
    expect((await issue(server, server.tokens.commander, { kind: 'response.set', level: 'IV' })).status).toBe(201);
    expect((await issue(server, server.tokens.commander, { kind: 'response.set', level: 'II' })).status).toBe(201);
    expect(state().command.response.level).toBe('II');
    const same = await issue(server, server.tokens.commander, { kind: 'response.set', level: 'II' });
    expect(same).toMatchObject({ status: 409, body: { code: 'BEACON_NO_CHANGE' } });
  });
});

describe('bad commands', () => {
  it('names the field and what was expected', async () => {
    const r = await issue(server, server.tokens.commander, { kind: 'response.set', level: 'V' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.issues)).toContain('/command');
    const noReason = await fetch(`${server.baseUrl}/api/v1/commands`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens.commander}` },
      body: JSON.stringify({ commandId: randomUUID(), command: { kind: 'response.set', level: 'I' } }),
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain('reason');
  });

  it('never answers 5xx nor logs anything for generated bodies that are not valid commands', async () => {
    const before = await commandEvents();
    const seqBefore = state().seq;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ commandId: fc.oneof(fc.uuid(), fc.string()), reason: fc.string(), command: fc.record({ kind: fc.constantFrom('response.set', 'post.order', 'team.dispatch', 'x'), level: fc.anything(), postId: fc.string(), teamId: fc.string(), incidentId: fc.string() }, { requiredKeys: ['kind'] }) }),
        ),
        async (body) => {
          const res = await fetch(`${server.baseUrl}/api/v1/commands`, {
            method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens.duty}` }, body: JSON.stringify(body) ?? 'null',
          });
          const answer = (await res.json()) as { issues: unknown[] };
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(answer.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
    expect(await commandEvents()).toBe(before);
    expect(state().seq).toBe(seqBefore);
  });
});

describe('the audit trail', () => {
  it('records accepted and refused commands with who, what and why, filterable and as CSV', async () => {
    const auth = { authorization: `Bearer ${server.tokens.admin}` };
    const res = await fetch(`${server.baseUrl}/api/v1/audit?action=post.`, { headers: auth });
    expect(res.status).toBe(200);
    const entries = (await res.json()) as { action: string; actorName: string; outcome: string; reason: string; target: string }[];
    expect(entries.every((e) => e.action.startsWith('post.'))).toBe(true);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'post.order', actorName: 'commander (test)', outcome: 'ok', reason: '灌口镇积水严重', target: 'FP-1' }));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'post.order', outcome: 'refused', target: 'FP-9' }));

    const refused = (await (await fetch(`${server.baseUrl}/api/v1/audit?outcome=refused&actor=test-commander`, { headers: auth })).json()) as { outcome: string; actorId: string }[];
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e: { outcome: string; actorId: string }) => e.outcome === 'refused' && e.actorId === 'test-commander')).toBe(true);

    const csv = await fetch(`${server.baseUrl}/api/v1/audit?format=csv&action=post.order`, { headers: auth });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,actorName,actorRole,actorId,action,target,outcome,reason,seq');
    expect(lines.slice(1).every((l) => l.includes(',post.order,'))).toBe(true);
    expect(lines.some((l) => l.includes('灌口镇积水严重'))).toBe(true);
  });

  it('refuses a wall or a department key', async () => {
    expect((await fetch(`${server.baseUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${server.wallToken}` } })).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${feed.key}` } })).status).toBe(403);
  });
});

describe('replay', () => {
  it('lists commands among the key moments: response level, posts and milestones, wall focus', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 1000).toISOString();
    const res = await fetch(`${server.baseUrl}/api/v1/replay/moments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
      headers: { authorization: `Bearer ${server.tokens.duty}` },
    });
    const moments = (await res.json()) as { kind: string; level?: string; entityId: string; actor?: string }[];
    const kinds = new Set(moments.map((m) => m.kind));
    for (const k of ['response-changed', 'post-ordered', 'post-milestone', 'wall-focus', 'incident-opened']) expect(kinds).toContain(k);
    expect(moments.filter((m) => m.kind === 'response-changed').map((m) => m.level)).toEqual(['IV', 'II']);
    expect(moments.find((m) => m.kind === 'post-ordered' && m.entityId === 'FP-1')?.actor).toBe('commander (test)');
  });

  it('puts the posts that missed their 30 minutes in the after-action timeline too, as in the key moments', async () => {
    // A window reaching past the deadlines of the posts ordered above: the unlinked ones go overdue in it.
    const window = `from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`;
    const headers = { authorization: `Bearer ${server.tokens.duty}` };
    const moments = (await (await fetch(`${server.baseUrl}/api/v1/replay/moments?${window}`, { headers })).json()) as { kind: string; entityId: string }[];
    const overdue = moments.filter((m) => m.kind === 'post-overdue').map((m) => m.entityId);
    expect(overdue).toContain('FP-2');
    expect(overdue).not.toContain('FP-1'); // linked in time
    const csv = await (await fetch(`${server.baseUrl}/api/v1/replay/timeline?${window}&format=csv`, { headers })).text();
    for (const postId of overdue) expect(csv).toMatch(new RegExp(`post-overdue.*${postId}|${postId}.*post-overdue`));
  });
});

describe('wall layers', () => {
  it('hides layers on the wall by command, refuses a no-op, and shows them all again', async () => {
    const hide = await issue(server, server.tokens.duty, { kind: 'wall.layers', hidden: ['population', 'risk'] });
    expect(hide.status).toBe(201);
    expect(state().command.wallLayers).toMatchObject({ hidden: ['population', 'risk'], by: { role: 'duty' } });
    expect((await issue(server, server.tokens.duty, { kind: 'wall.layers', hidden: ['risk', 'population'] })).body.code).toBe('BEACON_NO_CHANGE');
    const bad = await issue(server, server.tokens.duty, { kind: 'wall.layers', hidden: ['clouds'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.issues)).toContain('/command/hidden/0');
    expect((await issue(server, server.tokens.duty, { kind: 'wall.layers', hidden: [] })).status).toBe(201);
    expect(state().command.wallLayers?.hidden).toEqual([]);
  });
});

describe('replaying commands', () => {
  it('gives the wall\'s focus, the response level and every post\'s clock as they were at a moment', async () => {
    const live = structuredClone(state());
    const at = new Date(Date.now() + 1000).toISOString();
    await new Promise((r) => setTimeout(r, 1100)); // replay reads the log up to `at` by receive time
    const res = await fetch(`${server.baseUrl}/api/v1/replay/state?at=${encodeURIComponent(at)}`, { headers: { authorization: `Bearer ${server.tokens.duty}` } });
    const past = ((await res.json()) as { state: typeof live }).state;
    expect(past.command).toEqual(live.command);
    // And at a moment before the first post was ordered, there was none.
    const before = new Date(live.command.posts['FP-1']!.ordered.at - 1).toISOString();
    const earlier = ((await (await fetch(`${server.baseUrl}/api/v1/replay/state?at=${encodeURIComponent(before)}`, { headers: { authorization: `Bearer ${server.tokens.duty}` } })).json()) as { state: typeof live }).state;
    expect(earlier.command.posts).toEqual({});
  });
});

describe('a restart mid-countdown', () => {
  it('keeps every post\'s deadline and milestones: they live in the log, not in a timer', async () => {
    const before = structuredClone(state().command);
    expect(Object.keys(before.posts).length).toBeGreaterThanOrEqual(2);
    const url = database.url;
    await server.close();
    server = await startTestServer(url, { hub: { tickMs: 20 } });
    expect(server.app.engine.state.command).toEqual(before);
  });
});
