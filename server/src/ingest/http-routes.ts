import { categoryList } from '@beacon/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { DEPARTMENTS } from '../auth/access.ts';
import { requireDepartment } from '../credentials/require-department.ts';
import { pascalCase } from '../docs/route-docs.ts';
import { ErrorBody, IngestAck } from '@beacon/shared/schemas.ts';
import { batchSchemaOf } from './validation.ts';

/** 1,000 records of a few hundred bytes fit; a grid refresh (tens of thousands of cells) needs more. */
export const BODY_LIMIT = 256 * 1024;
export const GRID_BODY_LIMIT = 8 * 1024 * 1024;

const RegionInfo = Type.Object(
  {
    id: Type.String({ description: 'The region\'s id: a folder of shared/src/region, chosen by BEACON_REGION.' }),
    name: Type.Object({ zh: Type.String(), en: Type.String() }, { description: 'The city\'s name in both UI languages.' }),
  },
  { description: 'The city this server runs on.' },
);

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };

/** POST /api/v1/ingest/<category> for every category in the registry: the primary way data comes in. */
const httpIngestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const authenticate = requireDepartment(app.db.sql);
  const pipeline = app.ingest;
  const region = app.region;
  for (const category of categoryList) {
    const bodyLimit = category.kind === 'grid' ? GRID_BODY_LIMIT : BODY_LIMIT;
    app.post(
      `/api/v1/ingest/${category.id}`,
      {
        bodyLimit,
        config: { access: DEPARTMENTS },
        preHandler: authenticate,
        // The schema below documents the body; the pipeline validates it, the same way for every transport.
        validatorCompiler: () => () => true,
        schema: {
          operationId: `ingest${pascalCase(category.id)}`,
          summary: `${category.name.en} (${category.name.zh}) — ${category.department}`,
          description:
            'All-or-nothing: if any record is invalid the whole batch is refused with every problem listed, and nothing is stored. ' +
            `Retries are safe: a record already stored (same ${category.idField}, observedAt and version) is acknowledged as "duplicate". ` +
            'A record older than the newest of its entity is kept in history but never replaces the newest. ' +
            `Body limit ${bodyLimit} bytes.`,
          tags: [`ingest: ${category.department}`],
          body: batchSchemaOf(region, category.id),
          response: { 200: IngestAck, ...errors },
        },
      },
      async (request) => pipeline.accept(request.credential!, category.id, request.body),
    );
  }

  // Any category name reaches the pipeline, which answers an unknown one with 404 naming it: no schema to refuse it first.
  app.post<{ Params: { category: string } }>(
    '/api/v1/ingest/:category',
    { config: { access: DEPARTMENTS }, preHandler: authenticate, schema: { hide: true } },
    async (request) => pipeline.accept(request.credential!, request.params.category, request.body),
  );

  app.get('/api/v1/categories', { config: { access: 'public' }, schema: { operationId: 'listCategories', summary: 'The data categories and who sends them', tags: ['reference'] } }, async () => categoryList);
  // The screens bundle every region's boundaries and ask which one this server runs on (screen/src/main.ts).
  app.get(
    '/api/v1/region',
    { config: { access: 'public' }, schema: { operationId: 'getRegion', summary: 'The city this server runs on', tags: ['reference'], response: { 200: RegionInfo } } },
    async () => ({ id: region.id, name: region.name }),
  );
  app.get('/api/v1/rain-gauges', { config: { access: 'public' }, schema: { operationId: 'listRainGauges', summary: 'The registered rain gauges', tags: ['reference'] } }, async () => region.rainGauges);
};

export const httpIngest = fp(httpIngestRoutes, {
  name: 'beacon-http-ingest',
  dependencies: ['beacon-core', 'beacon-ingest', 'beacon-access-control'],
  decorators: { fastify: ['db', 'region', 'ingest'] },
  encapsulate: true,
});
