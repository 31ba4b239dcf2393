import type { Page } from 'playwright-core';
import type { TestServer } from './test-server.ts';

/** A wall's link: the kiosk token travels in the fragment, as an admin would hand it out. */
export function wallUrl(server: TestServer, path = '/wall', search = ''): string {
  return `${server.baseUrl}${path}${search}#kiosk=${server.wallToken}`;
}

/**
 * Puts a signed-in session into the page's storage before any script runs, as the sign-in form
 * would leave it (the sign-in form itself is tested in tests/e2e/console.test.ts).
 */
export async function signedInAs(page: Page, server: TestServer, role: 'duty' | 'commander' | 'admin'): Promise<void> {
  const token = server.tokens[role];
  const session = { token, kind: 'user', expiresAt: Date.now() + 3600_000, actor: { id: `test-${role}`, name: `${role} (test)`, role } };
  await page.addInitScript({ content: `localStorage.setItem('beacon.session', ${JSON.stringify(JSON.stringify(session))});` });
}

/**
 * Collects Content-Security-Policy violations in the page (the server sends a strict CSP; a screen
 * that needs an inline script or style would break in production, so tests fail on any).
 */
export async function trackCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript({
    content: `window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return () => page.evaluate('window.__cspViolations') as Promise<string[]>;
}
