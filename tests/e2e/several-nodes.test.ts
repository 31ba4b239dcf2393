import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScreenDir } from '@beacon/server';
import { launchChromium } from '../support/browser.ts';
import { startProxy, type TestProxy } from '../support/proxy.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// The real wall, in Chromium, through a round-robin proxy without sticky sessions in front of two
// nodes on one database: it connects (WebSocket only, never a polling request), and when its node
// stops it comes back through the proxy on the other one with what it missed.

let database: TestDatabase;
let nodes: TestServer[] = [];
const stopped = new Set<TestServer>();
let proxy: TestProxy;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  database = await createTestDatabase();
  nodes = [await startTestServer(database.url, { screenDir: defaultScreenDir }), await startTestServer(database.url, { screenDir: defaultScreenDir })];
  proxy = await startProxy(nodes.map((n) => n.baseUrl));
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  for (const node of nodes) if (!stopped.has(node)) await node.close();
  await database?.drop();
});

async function postRain(stationId: string, rainfall1hMm: number) {
  const res = await fetch(`${proxy.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${nodes[0]!.meteorologyKey}` },
    body: JSON.stringify({ records: [{ stationId, rainfall1hMm, observedAt: new Date().toISOString() }] }),
  });
  expect(res.status).toBe(200);
}

describe('the wall behind a balancer without sticky sessions', () => {
  it('connects over WebSocket only, and when its node stops comes back on the other with what it missed', { timeout: 90_000 }, async () => {
    await postRain('SM01', 12.5);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const polling: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('transport=polling')) polling.push(r.url());
    });
    try {
      await page.goto(`${proxy.baseUrl}/wall#kiosk=${nodes[0]!.wallToken}`);
      const leader = () => page.getByTestId('rain-ranking-row').first().getAttribute('data-station-id');
      await expect.poll(leader, { timeout: 20_000 }).toBe('SM01');

      const holding = nodes.find((n) => proxy.upgradesTo(n.baseUrl) === 1)!;
      expect(holding, 'one node holds the wall\'s WebSocket').toBeDefined();
      stopped.add(holding);
      await holding.close();
      await postRain('XA05', 77.7); // through the proxy, to the node left, while the wall is away
      const other = nodes.find((n) => n !== holding)!;
      await expect.poll(() => proxy.upgradesTo(other.baseUrl), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => page.getByTestId('wall').getAttribute('data-connection'), { timeout: 20_000 }).toBe('connected');
      await expect.poll(leader, { timeout: 20_000 }).toBe('XA05');
      expect(polling).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
