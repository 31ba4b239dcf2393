import { incidentPlace, pointPlace, SurroundingsAnswerSchema, xiamen, type Region, type StateDelta } from '@beacon/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { LIVE_READERS } from '../auth/access.ts';
import { issuesFromAjv, type AjvErrorLike } from '../errors/ajv-issues.ts';
import { InputError, type Issue } from '../errors/input-error.ts';
import { ErrorResponse } from '../ingest/ingest-response.ts';
import { beaconAjv, compileChecked } from '../ingest/validation.ts';
import { fieldHints, IncidentParams, pointQuery } from './surroundings-schemas.ts';
import { SurroundingsIndex } from './surroundings-index.ts';

export interface SurroundingsRoutesOptions {
  now: () => number;
  region?: Region;
}

// A query string is text: these routes' own Ajv turns "118.1" into a number before checking its
// range (the app's Ajv coerces nothing, right for JSON bodies). Everything else as the app's policy.
const ajv = beaconAjv({ coerceTypes: true });
const compile = ({ schema }: { schema: object }) => compileChecked(ajv, schema);

const PARTS = { params: 'params', querystring: 'query' } as const;

/** A refusal naming each field by where it was sent (params.incidentId, query.lon), what was expected and what came. */
function refusal(request: FastifyRequest, hints: ReadonlyMap<string, string>): InputError {
  const err = request.validationError as (Error & { validation?: AjvErrorLike[]; validationContext?: string }) | undefined;
  const part = PARTS[err?.validationContext as keyof typeof PARTS] ?? 'query';
  const source = part === 'params' ? request.params : request.query;
  const issues: Issue[] = issuesFromAjv(err?.validation ?? [], source).map((i) => {
    const path = `${part}.${i.path.replace(/^\//, '')}`;
    const hint = hints.get(path);
    return { path, expected: hint ? `${i.expected} (${hint})` : i.expected, got: i.got };
  });
  const message = issues.map((i) => `${i.path}: expected ${i.expected}, got ${JSON.stringify(i.got)}`).join('; ');
  return new InputError(400, 'BEACON_INVALID_INPUT', message || 'the request is not valid', issues);
}

const description =
  'Rescue teams and fire stations, supply depots with their stock (every depot a truck reaches within 60 minutes: the supply circle), ' +
  'hospitals with free beds, open shelters with free places, and people within 1, 3 and 5 km — each with its distance and estimated travel time. ' +
  'Within 5 km: hazards (roads closed, outages, stations over their levels), and sluices, pumping stations, dikes under patrol, dangerous buildings, ' +
  'manholes in alarm and ponding points, each with its department and status. ' +
  'ETA = great-circle distance × road-winding factor ÷ speed for the kind of trip, × a slowdown when the district has heavy rain or waterlogging; ' +
  'the factors are in the answer\'s `travel`. Read from live state through a spatial index.';

/**
 * The surroundings of an incident, or of any point, over HTTP. The wall asks every ~10 s per
 * incident it shows; the index is brought up to date on the query after a change.
 */
export const surroundingsRoutes: FastifyPluginAsync<SurroundingsRoutesOptions> = async (app, opts) => {
  const region = opts.region ?? xiamen;
  const hints = fieldHints(region.bounds);
  const engine = app.engine;
  const index = new SurroundingsIndex(() => engine.state, region);
  const onApplied = (_events: unknown, delta: StateDelta) => index.noteApplied(delta);
  engine.on('applied', onApplied);
  app.addHook('onClose', async () => {
    engine.off('applied', onApplied);
  });

  app.get(
    '/api/v1/incidents/:incidentId/surroundings',
    {
      // The wall and the hall's staff read it (server/src/auth/access.ts); every route must say who may call it.
      config: { access: LIVE_READERS },
      attachValidation: true,
      validatorCompiler: compile,
      schema: {
        operationId: 'getIncidentSurroundings',
        tags: ['surroundings'],
        summary: 'What is around an incident: forces, supplies, hospitals, shelters, people',
        description,
        params: IncidentParams,
        response: { 200: SurroundingsAnswerSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      if (request.validationError) throw refusal(request, hints);
      const { incidentId } = request.params as { incidentId: string };
      const place = incidentPlace(engine.state, region, incidentId);
      if (!place) {
        throw new InputError(404, 'BEACON_UNKNOWN_INCIDENT', `no incident "${incidentId}" in live state: params.incidentId must be the incidentId of a reported incident`, [
          { path: 'params.incidentId', expected: 'the incidentId of an incident reported to Beacon', got: incidentId },
        ]);
      }
      return index.query(place.centre, place.incident, opts.now());
    },
  );

  app.get(
    '/api/v1/surroundings',
    {
      config: { access: LIVE_READERS },
      attachValidation: true,
      validatorCompiler: compile,
      schema: {
        operationId: 'getSurroundings',
        tags: ['surroundings'],
        summary: 'What is around a point (lon, lat): forces, supplies, hospitals, shelters, people',
        description,
        querystring: pointQuery(region.bounds),
        response: { 200: SurroundingsAnswerSchema, 400: ErrorResponse },
      },
    },
    async (request) => {
      if (request.validationError) throw refusal(request, hints);
      const { lon, lat } = request.query as { lon: number; lat: number };
      return index.query(pointPlace(region, lon, lat), null, opts.now());
    },
  );
};
