import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testRegion } from '@beacon/shared/test-region.ts';

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

export interface ServerProcessOptions {
  /**
   * Run the production build (server/dist, see server/scripts/build.mjs) as `pnpm start` does,
   * instead of the sources through tsx. The build must exist: `buildServer()` in tests/support/build.ts.
   */
  built?: boolean;
  /** The Node binary to run it with; default the one running the tests. */
  node?: string;
}

/** The command line `pnpm start` runs from server/ (server/package.json), without the build check. */
export const BUILT_SERVER_ARGS = ['--conditions=beacon-dist', '--enable-source-maps', 'dist/main.js'];

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** What the process printed so far: on stdout, on stderr, and both. */
  stdout(): string;
  stderr(): string;
  output(): string;
  /** Its BEACON_DATA_DIR: a fresh temporary directory unless the env named one; removed when the process ends. */
  dataDir: string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real server process (server/src/main.ts, the README's shell) on a free port over the database
 * at `databaseUrl`, simulator off, on the region of the run (BEACON_REGION, as an operator sets it). One node process, no tsx wrapper: a signal reaches the server itself.
 * Its stdout is a pipe, not a terminal: a first start writes its credentials to a file (deliver-first-start.ts).
 */
export async function startServerProcess(databaseUrl: string, env: NodeJS.ProcessEnv = {}, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  // Its own data directory, so that a first start's credentials file never lands in the repository's .data/.
  const ownDataDir = env.BEACON_DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'beacon-server-'));
  const dataDir = env.BEACON_DATA_DIR ?? ownDataDir!;
  const entry = options.built ? BUILT_SERVER_ARGS : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(options.node ?? process.execPath, [...entry, '--no-sim', '--port', '0'], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      BEACON_DATA_DIR: dataDir,
      BEACON_REGION: testRegion().id,
      // The built server must run on plain Node: nothing may slip tsx in from the test runner's environment.
      ...(options.built ? { NODE_OPTIONS: '' } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      resolve({ code, signal });
    }));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const m = /Console:\s+(http:\/\/[^/\s]+)\/console/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before it was up:\n${out}\n${err}`)));
  });
  return { child, baseUrl, stdout: () => out, stderr: () => err, output: () => out + err, dataDir, exited };
}
