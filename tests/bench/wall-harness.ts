// What the wall benchmarks share: a server process (wall-server.ts) on a fresh database, Chromium at
// the wall's native 3840×2160, and the check that the screen has been built.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { defaultScreenDir } from '@beacon/server';
import { benchDatabase } from './bench-database.ts';

export const WALL = { width: 3840, height: 2160 };

/** The benches measure the built screen, as the wall runs it; they build nothing themselves. */
export function requireBuiltScreen(): void {
  if (existsSync(`${defaultScreenDir}/index.html`)) return;
  console.error(`No built screen at ${defaultScreenDir}: build it first with \`npx -y pnpm@12.21.0 --filter @beacon/screen build\`.`);
  process.exit(2);
}

export interface ServerUsage { cpuMs: number; rssMB: number; heapMB: number; seq: number; warnings: number }
export interface WallServer {
  base: string;
  token: string;
  /** "start <speed>", "stop", "mark", "report": each answers with the server's usage. */
  send(command: string): Promise<ServerUsage>;
  close(): Promise<void>;
}

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const serverScript = fileURLToPath(new URL('./wall-server.ts', import.meta.url));

/** A server process on a database of its own (dropped on close). */
export async function startWallServer(): Promise<WallServer> {
  const db = await benchDatabase();
  const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, [tsx, '--expose-gc', serverScript, db.url]);
  proc.stderr.on('data', (d) => process.stderr.write(d));
  let exited: number | string | null = null;
  const exit = new Promise((r) => proc.once('exit', (code, signal) => r((exited = code ?? signal))));
  proc.stdin.on('error', () => {}); // a dead server is reported by next(), not by an EPIPE crash
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`wall server exited (${(await exit, exited)})`);
    return JSON.parse(String(value));
  };
  const ready = (await next()) as { port: number; token: string };
  let queue: Promise<unknown> = Promise.resolve();
  const send = (command: string) => {
    const answer = queue.then(() => {
      if (exited !== null) throw new Error(`wall server exited (${exited})`);
      proc.stdin.write(`${command}\n`);
      return next() as Promise<ServerUsage>;
    });
    queue = answer.catch(() => {});
    return answer;
  };
  return {
    base: `http://127.0.0.1:${ready.port}`,
    token: ready.token,
    send,
    close: async () => {
      await queue;
      if (exited === null) proc.stdin.write('exit\n');
      await exit;
      await db.drop();
    },
  };
}

/** Opens the wall with its kiosk link and waits until its socket is connected and the map is drawn. */
export async function openWall(browser: Browser, server: WallServer, initScripts: string[] = []): Promise<Page> {
  const context = await browser.newContext({ viewport: WALL, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const content of initScripts) await page.addInitScript({ content });
  await page.goto(`${server.base}/wall#kiosk=${server.token}`);
  await page.locator('[data-testid="wall"][data-connection="connected"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('one-map').waitFor();
  return page;
}

export async function closeWall(page: Page): Promise<void> {
  await page.context().close();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The machine's 1-minute load average, for the report: these machines are shared. */
export const load = () => loadavg()[0]!.toFixed(2);
