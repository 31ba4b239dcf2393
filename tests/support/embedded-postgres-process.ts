// Runs a throwaway embedded PostgreSQL for one test run, in its own process: the package installs
// exit hooks that would force the test runner's exit code to 0. Prints the URL as one JSON line,
// then stops and deletes the cluster when its stdin closes (the parent is done or gone).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@beacon/db/embedded';

const dataDir = mkdtempSync(join(tmpdir(), 'beacon-test-pg-'));
const pg = await startEmbeddedPostgres({ dataDir, persistent: false });
process.stdout.write(`${JSON.stringify({ url: pg.url })}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', () => void stop());
process.stdin.resume();
