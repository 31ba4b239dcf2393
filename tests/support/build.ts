import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const buildScript = fileURLToPath(new URL('../../server/scripts/build.mjs', import.meta.url));

/** The server's production build (shared/, db/, server/ to dist/), made when missing or older than its sources. */
export async function buildServer(): Promise<void> {
  await run(process.execPath, [buildScript, '--if-stale', 'server'], { maxBuffer: 16 << 20 });
}

/**
 * The path of a Node binary of this major version, fetched from the npm registry (the `node`
 * package) by npx the first time and cached by npm after that.
 */
export async function nodeBinary(major: number): Promise<string> {
  const { stdout } = await run('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], { maxBuffer: 1 << 20 });
  return stdout.trim();
}
