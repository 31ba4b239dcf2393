import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** What the process printed so far: on stdout, on stderr, and both. */
  stdout(): string;
  stderr(): string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real server process (server/src/main.ts, the README's shell) on a free port over the database
 * at `databaseUrl`, simulator off. One node process, no tsx wrapper: a signal reaches the server itself.
 */
export async function startServerProcess(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--no-sim', '--port', '0'], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const m = /Console:\s+(http:\/\/[^/\s]+)\/console/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before it was up:\n${out}\n${err}`)));
  });
  return { child, baseUrl, stdout: () => out, stderr: () => err, output: () => out + err, exited };
}
