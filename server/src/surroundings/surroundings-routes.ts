import { incidentPlace, pointPlace, SurroundingsAnswerSchema, type StateDelta } from '@beacon/shared';
import { ErrorBody } from '@beacon/shared/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { LIVE_READERS } from '../auth/access.ts';
import { InputError } from '../errors/input-error.ts';
import { partRefusal } from '../errors/part-refusal.ts';
import { fieldHints, IncidentParams, pointQuery } from './surroundings-schemas.ts';
import { SurroundingsIndex } from './surroundings-index.ts';

// A query string is text: the app's validation policy turns "118.1" into a number before checking its
// range (server/src/validation/ajv-policy.ts). A refusal names each field by where it was sent, with its
// hint, which gives the region's box.

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
const surroundingsRoutesPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { region, engine, clock } = app;
  const hints = fieldHints(region.bounds);
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
      schema: {
        operationId: 'getIncidentSurroundings',
        tags: ['surroundings'],
        summary: 'What is around an incident: forces, supplies, hospitals, shelters, people',
        description,
        params: IncidentParams,
        response: { 200: SurroundingsAnswerSchema, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      if (request.validationError) throw partRefusal(request, 'BEACON_INVALID_INPUT', hints);
      const { incidentId } = request.params;
      const place = incidentPlace(engine.state, region, incidentId);
      if (!place) {
        throw new InputError(404, 'BEACON_UNKNOWN_INCIDENT', `no incident "${incidentId}" in live state: params.incidentId must be the incidentId of a reported incident`, [
          { path: 'params.incidentId', expected: 'the incidentId of an incident reported to Beacon', got: incidentId },
        ]);
      }
      return index.query(place.centre, place.incident, clock.now());
    },
  );

  app.get(
    '/api/v1/surroundings',
    {
      config: { access: LIVE_READERS },
      attachValidation: true,
      schema: {
        operationId: 'getSurroundings',
        tags: ['surroundings'],
        summary: 'What is around a point (lon, lat): forces, supplies, hospitals, shelters, people',
        description,
        querystring: pointQuery(region.bounds),
        response: { 200: SurroundingsAnswerSchema, 400: ErrorBody },
      },
    },
    async (request) => {
      if (request.validationError) throw partRefusal(request, 'BEACON_INVALID_INPUT', hints);
      const { lon, lat } = request.query;
      return index.query(pointPlace(region, lon, lat), null, clock.now());
    },
  );
};

export const surroundingsRoutes = fp(surroundingsRoutesPlugin, {
  name: 'beacon-surroundings-routes',
  dependencies: ['beacon-core', 'beacon-engine', 'beacon-access-control'],
  decorators: { fastify: ['region', 'clock', 'engine'] },
  encapsulate: true,
});
