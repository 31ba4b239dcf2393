import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

// Why helmet: the maintained set of security headers (CSP, nosniff, frame-ancestors, referrer policy)
// instead of hand-set ones. Why not @fastify/helmet (used before): it calls helmet(options) on every
// request — rebuilding and re-parsing the whole policy each time, ~3% of the server's CPU under a
// 170-requests/s ingest load (a CPU profile of bench:fanout). Our headers never change between
// requests (no CSP nonces: the screens run no inline script), so helmet computes them once here.

/**
 * The screens load only their own files and talk only to their own origin (HTTP and socket.io),
 * so the policy allows 'self' and nothing else — no inline scripts. ECharts and Vue set styles through
 * the CSSOM, which style-src does not govern; the e2e tests fail on any CSP violation report.
 */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Walls are often served over plain HTTP on the hall's LAN: upgrading would break them.
  upgradeInsecureRequests: null,
};

const options: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
  // Plain HTTP on a LAN is normal for a hall; HSTS would pin browsers to HTTPS that may not exist.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};

/** The headers helmet sets for these options, collected once from a response that only records them. */
export function securityHeaderValues(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed;
  return headers;
}

export const securityHeaders = fp(
  async (app) => {
    const headers = securityHeaderValues();
    // onRequest, as @fastify/helmet did: every answer carries them, errors and 404s included.
    app.addHook('onRequest', async (_request, reply) => {
      reply.headers(headers);
    });
  },
  { name: 'beacon-security-headers' },
);
