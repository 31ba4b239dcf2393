import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

// Why @fastify/helmet: the maintained Fastify port of helmet; one place for CSP, nosniff,
// frame-ancestors and referrer policy instead of hand-set headers.

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

export const securityHeaders = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
      // Plain HTTP on a LAN is normal for a hall; HSTS would pin browsers to HTTPS that may not exist.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'beacon-security-headers' },
);
