import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { InputError } from '../errors/input-error.ts';

/** The screens are one single-page app; these paths all load it. */
export const SCREEN_ROUTES = ['/wall', '/console', '/replay'] as const;

/** Serves the built Vue app (screen/dist). Without a build, the screen routes say how to make one. */
export async function serveScreen(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      wildcard: true,
      // The build writes .br and .gz beside each file (screen/build/precompress.ts): ~1 MB of JS is ~300 KB on a tablet's 4G.
      preCompressed: true,
      // Hashed file names change with their content: a tablet that reconnects need not fetch them
      // again. The page that names them is always revalidated, so a new build reaches every screen.
      setHeaders: (reply, path) => {
        reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // Pages, not API: left out of the API docs, like the static files.
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/wall'));
  for (const route of SCREEN_ROUTES) {
    app.get(route, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
      if (!built) {
        throw new InputError(503, 'BEACON_SCREEN_NOT_BUILT', 'the screen is not built', [
          { path: 'screen/dist/index.html', expected: 'a built screen: run `npx -y pnpm@12.21.0 build`', got: 'no such file' },
        ]);
      }
      return reply.sendFile('index.html');
    });
  }
}
