import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const childScript = fileURLToPath(new URL('./embedded-postgres-process.ts', import.meta.url));

export interface ScratchPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A throwaway embedded PostgreSQL in a child process (its package installs exit hooks that would
 * force this process's exit code to 0). Stopped and deleted when stop() closes the child's stdin.
 */
export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const child = spawn(process.execPath, [tsxCli, childScript], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited early (code ${code})`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.end();
      await exited;
    },
  };
}
