#!/usr/bin/env node
// The production build, and the check `start` and `beacon` make before they run it.
//
//   node server/scripts/build.mjs                      build the server and the screen
//   node server/scripts/build.mjs --if-stale [server|screen]…   build only what is missing or older than its sources
//
// Server: shared/, db/, simulator/ and server/ are transpiled by TypeScript (each package's tsconfig.build.json),
// src/*.ts to dist/*.js file by file, relative imports rewritten from .ts to .js. Node then runs
// plain JavaScript (no tsx), resolving @beacon/shared, @beacon/db and @beacon/simulator to their dist/ through the
// `beacon-dist` export condition (`node --conditions=beacon-dist`). Screen: `vite build` to screen/dist.
//
// Plain JavaScript on purpose: it must run on a bare Node before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const at = (...parts) => join(root, ...parts);

const parts = {
  server: {
    // main.js is written on every build (never incrementally), so its time is the build's.
    output: at('server/dist/main.js'),
    // Everything the compiled code is made from; screen and tests are not part of it.
    inputs: ['shared/src', 'db/src', 'simulator/src', 'server/src', 'tsconfig.json',
      ...['shared', 'db', 'simulator', 'server'].flatMap((p) => [`${p}/tsconfig.build.json`, `${p}/package.json`])],
    build: buildServer,
  },
  screen: {
    output: at('screen/dist/index.html'),
    // The screen imports shared/ too.
    inputs: ['screen/src', 'screen/build', 'screen/index.html', 'screen/vite.config.ts', 'screen/package.json', 'screen/tsconfig.json', 'shared/src'],
    build: buildScreen,
  },
};

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const named = args.filter((a) => !a.startsWith('--'));
for (const name of named) {
  if (!Object.hasOwn(parts, name)) fail(`expected server or screen, got "${name}"`);
}
for (const name of named.length ? named : Object.keys(parts)) {
  const part = parts[name];
  if (ifStale) {
    const why = staleness(part);
    if (!why) continue;
    console.log(`beacon: building the ${name} (${why})…`);
  }
  part.build();
}

/** Why the part needs building, or null when its output is newer than every input. */
function staleness(part) {
  if (!existsSync(part.output)) return 'no build yet';
  const builtAt = statSync(part.output).mtimeMs;
  const newer = part.inputs.map((p) => newestFile(at(p))).find((f) => f && f.mtimeMs > builtAt);
  return newer ? `${newer.path.slice(root.length)} changed since the last build` : null;
}

/** The most recently modified file under a path (node_modules, dist and tests left out: none is built). */
function newestFile(path) {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return { path, mtimeMs: stat.mtimeMs };
  let newest = null;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.endsWith('.test.ts')) continue;
    const found = newestFile(join(path, entry.name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

function buildServer() {
  const tsc = resolveTool(() => createRequire(at('package.json')).resolve('typescript/bin/tsc'), 'TypeScript');
  for (const pkg of ['shared', 'db', 'simulator', 'server']) {
    // From empty: a source removed since the last build must not linger as a module.
    rmSync(at(pkg, 'dist'), { recursive: true, force: true });
    run(process.execPath, [tsc, '-p', at(pkg, 'tsconfig.build.json')], root);
  }
}

function buildScreen() {
  const vite = resolveTool(() => {
    const bin = at('screen/node_modules/.bin/vite');
    if (!existsSync(bin)) throw new Error('no vite');
    return bin;
  }, 'vite');
  run(vite, ['build'], at('screen'));
}

/** The build's tools are dev dependencies: a production install runs a build, it cannot make one. */
function resolveTool(find, name) {
  try {
    return find();
  } catch {
    fail(`the build is missing or older than the sources, and making it needs ${name}, a dev dependency: ` +
      'run `npx -y pnpm@12.21.0 install` (dev dependencies included), then `npx -y pnpm@12.21.0 build`');
  }
}

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.status !== 0) fail(`${[command, ...commandArgs].map((a) => (a.startsWith(root) ? a.slice(root.length) : a)).join(' ')} failed (${result.status ?? result.signal})`);
}

function fail(message) {
  console.error(`beacon: ${message}`);
  process.exit(1);
}
