import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Screenshots and other evidence a run leaves behind for people to look at (git-ignored). */
export const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));
mkdirSync(artifactsDir, { recursive: true });
