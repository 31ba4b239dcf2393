import type { Sql } from '@beacon/db';
import type { FastifyPluginAsync } from 'fastify';
import { REPLAY_READERS } from '../auth/access.ts';
import { InputError } from '../errors/input-error.ts';
import { momentsIn } from './moments-query.ts';
import { isError, parseAt, parseWindow } from './replay-requests.ts';
import { stateAtTime } from './state-at.ts';
import { timelineCsv, timelineHtml } from './timeline.ts';
import { timelineOf } from './timeline-query.ts';

function checked<T>(x: T | { code: string; message: string; issues: { path: string; expected: string; got: unknown }[] }): T {
  if (isError(x)) throw new InputError(400, x.code, x.message, x.issues.map((i) => ({ ...i, path: i.path.replace('/', 'query.') })));
  return x as T;
}

const windowQuery = {
  type: 'object',
  properties: {
    from: { type: 'string', description: 'Start, RFC 3339' },
    to: { type: 'string', description: 'End, RFC 3339' },
    format: { type: 'string', enum: ['html', 'csv'] },
  },
} as const;

/** After-action review over HTTP: the wall at a moment, the key moments of a window, its timeline. */
export const replayRoutes: FastifyPluginAsync<{ sql: Sql }> = async (app, { sql }) => {
  app.get('/api/v1/replay/state', { config: { access: REPLAY_READERS }, schema: { operationId: 'getReplayState', tags: ['replay'], summary: 'The whole live state as the wall had it at a moment', querystring: { type: 'object', properties: { at: { type: 'string' } } } } }, async (req) => {
    const at = checked(parseAt(req.query));
    return stateAtTime(sql, at);
  });
  app.get('/api/v1/replay/moments', { config: { access: REPLAY_READERS }, schema: { operationId: 'listReplayMoments', tags: ['replay'], summary: 'Key moments of a window', querystring: windowQuery } }, async (req) => {
    const w = checked(parseWindow(req.query, false));
    return momentsIn(sql, w.from, w.to);
  });
  app.get('/api/v1/replay/timeline', { config: { access: REPLAY_READERS }, schema: { operationId: 'getReplayTimeline', tags: ['replay'], summary: 'After-action timeline of a window, as printable HTML or CSV', querystring: windowQuery } }, async (req, reply) => {
    const w = checked(parseWindow(req.query, false));
    const timeline = await timelineOf(sql, w);
    const format = (req.query as { format?: string }).format ?? 'html';
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="beacon-timeline-${new Date(w.from).toISOString().slice(0, 16)}.csv"`)
        .send(timelineCsv(timeline));
    }
    return reply.type('text/html; charset=utf-8').send(timelineHtml(timeline));
  });
};
