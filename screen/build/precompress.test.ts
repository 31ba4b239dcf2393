import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

let dir: string;
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes .br and .gz beside each text file, each unpacking to the original', async () => {
    dir = await mkdtemp(join(tmpdir(), 'precompress-'));
    await mkdir(join(dir, 'assets'));
    const js = 'export const wall = "一张图";\n'.repeat(500);
    await writeFile(join(dir, 'assets', 'index-abc.js'), js);
    await writeFile(join(dir, 'index.html'), `<!doctype html>${'<div></div>'.repeat(200)}`);
    await writeFile(join(dir, 'tiny.css'), 'a{}');
    await writeFile(join(dir, 'font.woff2'), Buffer.alloc(4096, 7));

    const done = await precompressDir(dir);
    expect(done.sort()).toEqual([join('assets', 'index-abc.js'), 'index.html']);
    const br = await readFile(join(dir, 'assets', 'index-abc.js.br'));
    const gz = await readFile(join(dir, 'assets', 'index-abc.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(js);
    expect(gunzipSync(gz).toString()).toBe(js);
    expect(br.length).toBeLessThan(js.length / 10);
  });
});
