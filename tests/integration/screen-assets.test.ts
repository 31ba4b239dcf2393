import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../screen/build/precompress.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// A build of our own (as `vite build` + the precompress plugin lay it out), so this runs without the real one.
let database: TestDatabase;
let server: TestServer;
let dist: string;
const js = 'export const wall = "一张图";\n'.repeat(2000);

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'beacon-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), `<!doctype html><script type="module" src="/assets/index-abc.js"></script>${'<!-- -->'.repeat(300)}`);
  await writeFile(join(dist, 'assets', 'index-abc.js'), js);
  await precompressDir(dist);
  database = await createTestDatabase();
  server = await startTestServer(database.url, { screenDir: dist });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  await rm(dist, { recursive: true, force: true });
});

/** fetch undoes the encoding it receives but keeps the header: the checks read the header, and the bytes either way. */
async function raw(path: string, acceptEncoding?: string) {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : { 'accept-encoding': 'identity' } });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe('the screen\'s files, for a tablet on 4G', () => {
  it('are sent brotli-compressed to a browser that accepts it, and plain to one that does not', async () => {
    const br = await raw('/assets/index-abc.js', 'gzip, deflate, br');
    expect(br.res.headers.get('content-encoding')).toBe('br');
    expect(br.res.headers.get('vary')).toContain('accept-encoding');
    // fetch undoes the encoding it reports; either way the bytes must be the script.
    const text = br.body.length < js.length ? brotliDecompressSync(br.body).toString() : br.body.toString();
    expect(text).toBe(js);

    const plain = await raw('/assets/index-abc.js');
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.body.toString()).toBe(js);
  });

  it('keep hashed assets for a year, and always revalidate the page that names them', async () => {
    const asset = await raw('/assets/index-abc.js', 'br');
    expect(asset.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await raw('/wall', 'br');
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('cache-control')).toBe('no-cache');
  });
});
