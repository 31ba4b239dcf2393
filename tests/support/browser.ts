import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_HINT = 'apt-get install -y chromium fonts-noto-cjk';

/**
 * Debian's Chromium, driven by playwright-core (which cannot download browsers here). Without it the
 * e2e tests fail with one line saying how to install it, not a stack trace.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    const error = new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`${INSTALL_HINT}\` (or set CHROMIUM_PATH).`);
    error.stack = error.message;
    throw error;
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
