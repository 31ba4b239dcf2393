// What /wall downloads before its first render: the built index.html's entry script, its
// modulepreload links and stylesheets, and every chunk those import statically (lazy chunks such as
// ReplayView are listed apart). Each is compressed as a server would: gzip level 9 and brotli quality
// 11. Baseline: ECharts' own full build (echarts/dist/echarts.min.js) compressed the same way, to
// show what importing only the parts the panels use saves. Builds nothing: needs a built screen.
// Run: npx -y pnpm@12.21.0 bench:bundle
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defaultScreenDir } from '@beacon/server';

const TARGET_KB = 350;
const dist = defaultScreenDir;
const echartsFull = fileURLToPath(new URL('../../screen/node_modules/echarts/dist/echarts.min.js', import.meta.url));

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built screen at ${dist}: build it first with \`npx -y pnpm@12.21.0 --filter @beacon/screen build\`.`);
  process.exit(2);
}

interface Sized { file: string; raw: number; gzip: number; brotli: number }
function sizes(path: string, file = path): Sized {
  const bytes = readFileSync(path);
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

/** "/assets/x.js" or "./x.js" (relative to the importing chunk in assets/) → "assets/x.js". */
const local = (ref: string, from = '') => (ref.startsWith('/') ? ref.slice(1) : join(from, ref));

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
const roots: string[] = [];
for (const tag of tags) {
  if (tag.startsWith('<script') && attr(tag, 'type') === 'module' && attr(tag, 'src')) roots.push(local(attr(tag, 'src')!));
  const rel = attr(tag, 'rel');
  if (tag.startsWith('<link') && (rel === 'modulepreload' || rel === 'stylesheet') && attr(tag, 'href')?.startsWith('/')) roots.push(local(attr(tag, 'href')!));
}

// Static imports only ("import{a}from"./x.js"", "import"./x.js""); "import(" is lazy and not followed.
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js|\/assets\/[^"']+\.js)["']/g;
const initial = new Set<string>();
const queue = [...roots];
while (queue.length) {
  const file = queue.shift()!;
  if (initial.has(file)) continue;
  initial.add(file);
  if (!file.endsWith('.js')) continue;
  for (const m of readFileSync(join(dist, file), 'utf8').matchAll(STATIC_IMPORT)) queue.push(local(m[1]!, 'assets'));
}

const all = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
const lazy = all.filter((f) => !initial.has(f) && /\.(js|css)$/.test(f));
const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(8)} KB`;
const row = (s: Sized) => `    ${s.file.padEnd(42)} ${kb(s.raw)} raw ${kb(s.gzip)} gzip ${kb(s.brotli)} brotli`;
const total = (xs: Sized[]) => xs.reduce((t, s) => ({ file: t.file, raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { file: '', raw: 0, gzip: 0, brotli: 0 });

console.log(`bundle size bench: ${dist} (built ${statSync(join(dist, 'index.html')).mtime.toISOString()}); gzip level 9, brotli quality 11`);
const initialSized = [...initial].map((f) => sizes(join(dist, f), f));
const js = initialSized.filter((s) => s.file.endsWith('.js'));
const css = initialSized.filter((s) => s.file.endsWith('.css'));
console.log(`  before first render (${initial.size} files):`);
initialSized.forEach((s) => console.log(row(s)));
const [tj, tc] = [total(js), total(css)];
console.log(`  initial JS    ${kb(tj.raw)} raw ${kb(tj.gzip)} gzip ${kb(tj.brotli)} brotli   (target ≤ ${TARGET_KB} KB gzip: ${tj.gzip / 1024 <= TARGET_KB ? 'within' : 'OVER'})`);
console.log(`  initial CSS   ${kb(tc.raw)} raw ${kb(tc.gzip)} gzip ${kb(tc.brotli)} brotli`);
if (lazy.length) {
  const lazySized = lazy.map((f) => sizes(join(dist, f), f));
  console.log(`  lazy, not needed by /wall (${lazy.length} files): ${kb(total(lazySized).gzip).trim()} gzip in all`);
  lazySized.forEach((s) => console.log(row(s)));
}
if (existsSync(echartsFull)) {
  const e = sizes(echartsFull, 'echarts.min.js (full build)');
  console.log(`  baseline: ECharts full build alone ${kb(e.raw)} raw ${kb(e.gzip)} gzip ${kb(e.brotli)} brotli`);
  console.log(`  ratio: the wall's whole initial JS (Vue, Pinia, socket.io, ECharts parts, region data, app) is ${(tj.gzip / e.gzip).toFixed(2)}× the full ECharts build gzipped (${kb(e.gzip - tj.gzip).trim()} less)`);
} else {
  console.log(`  baseline: ${echartsFull} not found (install the screen's dependencies)`);
}

