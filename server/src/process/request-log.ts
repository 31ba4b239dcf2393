import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

// The process's log: pino JSON lines on stdout (Fastify's logger), one line per request at `info`.
// Fastify's own request logging writes two lines per request and logs the raw URL, query string
// included — where a careless client may put a token — so its log controller is replaced by one that
// writes one line, with the URL made safe. Headers are never logged (Authorization holds the credential).

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

/**
 * Fastify's request logging, through its extension point: no "incoming request" line, one line when
 * the answer is sent (an error-level line when sending failed), and no "Route … not found" line with
 * the raw URL (the 404's own line says it). Fastify's other lines pass `req` through the serializer below.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request failed while answering');
    else reply.log.info(line, 'request');
  }

  override routeNotFound(): void {}
}

/** Fastify's logger options: the level, one line per request, no raw URLs. */
export function loggerOptions(level: LogLevel): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logController: new OneLinePerRequest(),
    logger: {
      level,
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: loggableUrl(req.url), remoteAddress: req.ip }),
      },
    },
  };
}
