import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

// Why at build time: a leader's tablet on 4G loads ~1 MB of JavaScript, ~300 KB compressed. The
// server sends these files (@fastify/static `preCompressed`) instead of compressing on every request.

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text the browser fetches; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map)$/;
/** Below this, compression saves less than the header costs. */
const MIN_BYTES = 1024;

/** Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`; returns the files compressed. */
export async function precompressDir(dir: string): Promise<string[]> {
  const done: string[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = join(dir, entry);
    if (!COMPRESSIBLE.test(file) || !(await stat(file)).isFile()) continue;
    const content = await readFile(file);
    if (content.length < MIN_BYTES) continue;
    await writeFile(`${file}.br`, await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    await writeFile(`${file}.gz`, await gz(content, { level: 9 }));
    done.push(entry);
  }
  return done;
}

/** Vite plugin: precompress the build output once it is written. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'beacon-precompress',
    apply: 'build',
    configResolved(config) {
      // resolve, not join: an absolute --outDir (a build apart from dist, tests/bench/wall-profile.ts) stays as given.
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
