import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL where tests may create and drop their own databases. */
    adminDatabaseUrl: string;
  }
}

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const childScript = fileURLToPath(new URL('./embedded-postgres-process.ts', import.meta.url));

/**
 * Integration and e2e tests run against a real PostgreSQL: the one at DATABASE_URL when set
 * (CI's second pass points it at the machine's server), otherwise a throwaway embedded cluster
 * in a child process.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return async () => {};
  }
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
  project.provide('adminDatabaseUrl', url);
  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    // Closing stdin (not a signal) lets the child stop the cluster and remove its folder itself.
    child.stdin.end();
    await exited;
  };
}
