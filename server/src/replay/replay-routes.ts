import { parseInstant, type ReplayWindow } from '@beacon/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { REPLAY_READERS } from '../auth/access.ts';
import { InputError } from '../errors/input-error.ts';
import { inQuery, partRefusal } from '../errors/part-refusal.ts';
import { momentsIn } from './moments-query.ts';
import { isError, windowOf } from './replay-requests.ts';
import { AtQuery, TimelineQuery, WindowQuery } from './replay-schemas.ts';
import { stateAtTime } from './state-at.ts';
import { timelineCsv, timelineHtml } from './timeline.ts';
import { timelineOf } from './timeline-query.ts';

// Instants the schema admitted (format date-time is the shared reader, server/src/validation/ajv-policy.ts).
const ms = (s: string) => {
  const t = parseInstant(s);
  return t.ok ? t.ms : NaN;
};

/** The window a query names, or the refusal naming query.to. */
function windowIn(query: { from: string; to: string }): ReplayWindow {
  const w = windowOf(ms(query.from), ms(query.to), query.to, { from: 'query.from', to: 'query.to' });
  if (isError(w)) throw new InputError(400, w.code, w.message, inQuery(w.issues));
  return w;
}

const REFUSED = 'BEACON_INVALID_REPLAY_REQUEST';

/** After-action review over HTTP: the wall at a moment, the key moments of a window, its timeline. */
const replayRoutesPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { sql } = app.db;
  app.get('/api/v1/replay/state', {
    config: { access: REPLAY_READERS },
    attachValidation: true,
    schema: { operationId: 'getReplayState', tags: ['replay'], summary: 'The whole live state as the wall had it at a moment', querystring: AtQuery },
  }, async (req) => {
    if (req.validationError) throw partRefusal(req, REFUSED);
    return stateAtTime(sql, ms(req.query.at));
  });
  app.get('/api/v1/replay/moments', {
    config: { access: REPLAY_READERS },
    attachValidation: true,
    schema: { operationId: 'listReplayMoments', tags: ['replay'], summary: 'Key moments of a window', querystring: WindowQuery },
  }, async (req) => {
    if (req.validationError) throw partRefusal(req, REFUSED);
    const w = windowIn(req.query);
    return momentsIn(sql, w.from, w.to);
  });
  app.get('/api/v1/replay/timeline', {
    config: { access: REPLAY_READERS },
    attachValidation: true,
    schema: { operationId: 'getReplayTimeline', tags: ['replay'], summary: 'After-action timeline of a window, as printable HTML or CSV', querystring: TimelineQuery },
  }, async (req, reply) => {
    if (req.validationError) throw partRefusal(req, REFUSED);
    const w = windowIn(req.query);
    const timeline = await timelineOf(sql, w, app.region);
    if (req.query.format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="beacon-timeline-${new Date(w.from).toISOString().slice(0, 16)}.csv"`)
        .send(timelineCsv(timeline));
    }
    return reply.type('text/html; charset=utf-8').send(timelineHtml(timeline));
  });
};

export const replayRoutes = fp(replayRoutesPlugin, { name: 'beacon-replay-routes', dependencies: ['beacon-core', 'beacon-access-control'], decorators: { fastify: ['db', 'region'] }, encapsulate: true });
