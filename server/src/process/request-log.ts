import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';

// The process's log: pino JSON lines on stdout (Fastify's logger), one line per request at `info`.
// Fastify's own request logging writes two lines per request and logs the raw URL, query string
// included — where a careless client may put a token — so it is off, and this plugin writes the one
// line instead, with the URL made safe. Headers are never logged (Authorization holds the credential).

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const isLogLevel = (s: string): s is LogLevel => (LOG_LEVELS as readonly string[]).includes(s);

/** A query parameter's name is kept when it looks like a name; anything else could be a secret. */
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/**
 * The path as requested; of the query only the parameter names, every value as `*`; no fragment
 * (a browser never sends one, a hand-made request might). `/wall?kiosk=eyJ…` logs as `/wall?kiosk=*`.
 */
export function loggableUrl(url: string): string {
  const cut = url.search(/[?#]/);
  if (cut < 0) return url;
  const path = url.slice(0, cut);
  if (url[cut] === '#') return path;
  const query = url.slice(cut + 1).split('#')[0]!;
  if (!query) return path;
  const names = query.split('&').map((part) => {
    const name = part.split('=')[0]!;
    return PLAIN_NAME.test(name) ? `${name}=*` : '*';
  });
  return `${path}?${names.join('&')}`;
}

/** Fastify's logger options: the level, the one request line (below), no raw URLs. */
export function loggerOptions(level: LogLevel): Pick<FastifyServerOptions, 'logger' | 'disableRequestLogging'> {
  return {
    disableRequestLogging: true,
    logger: {
      level,
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: loggableUrl(req.url), remoteAddress: req.ip }),
      },
    },
  };
}

/** One `info` line per answered request: method, safe URL, address, status and time taken. */
export const requestLog = fp(
  async (app) => {
    app.addHook('onResponse', async (req, reply) => {
      req.log.info({ req, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
    });
  },
  { name: 'beacon-request-log', fastify: '5.x' },
);
