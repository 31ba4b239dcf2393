import { xiamen, type BeaconEvent, type Region } from '@beacon/shared';
import { RainBatch } from '@beacon/shared/schemas.ts';
import type { Sql } from '@beacon/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireDepartment } from '../credentials/require-department.ts';
import { InputError } from '../errors/input-error.ts';
import { ErrorResponse, IngestAck } from './ingest-response.ts';
import { checkRainReadings, rainLogRecord } from './rain-gauge-checks.ts';
import { storeRecords } from './store-records.ts';

/** 1,000 readings of ~120 bytes fit comfortably; anything much larger is not a rain batch. */
export const RAIN_BODY_LIMIT = 256 * 1024;

export interface IngestOptions {
  sql: Sql;
  region?: Region;
  now: () => number;
  /** Called after commit with the appended events, in log order. */
  onAppended: (events: BeaconEvent[]) => void;
}

export const rainGaugeIngest: FastifyPluginAsyncTypebox<IngestOptions> = async (app, opts) => {
  const gauges = new Map((opts.region ?? xiamen).rainGauges.map((g) => [g.id, g]));
  app.post(
    '/api/v1/ingest/rain-gauge',
    {
      bodyLimit: RAIN_BODY_LIMIT,
      preHandler: requireDepartment(opts.sql, 'meteorology'),
      schema: {
        summary: 'Push a batch of rain-gauge readings (meteorology)',
        description:
          'All-or-nothing: if any record is invalid the whole batch is refused with every problem listed, and nothing is stored. ' +
          'Retries are safe: a record already stored (same station, observedAt and version) is acknowledged as "duplicate". ' +
          'A reading older than the station\'s newest is kept in history but never replaces the newest. ' +
          `Body limit ${RAIN_BODY_LIMIT} bytes.`,
        tags: ['ingest'],
        security: [{ departmentKey: [] }],
        body: RainBatch,
        response: { 200: IngestAck, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request) => {
      const { records } = request.body;
      const issues = checkRainReadings(records, gauges, opts.now());
      if (issues.length) {
        throw new InputError(422, 'BEACON_UNPROCESSABLE', `${issues.length} problem(s) in the batch; nothing was stored`, issues);
      }
      const logRecords = records.map((r) => rainLogRecord(r, request.credential!.id));
      const stored = await storeRecords(opts.sql, logRecords);
      opts.onAppended(stored.appended);
      const accepted = stored.records.filter((r) => r.status === 'stored').length;
      return { accepted, duplicates: stored.records.length - accepted, records: stored.records };
    },
  );

  app.get(
    '/api/v1/rain-gauges',
    { schema: { summary: 'The registered rain gauges', tags: ['reference'] } },
    async () => (opts.region ?? xiamen).rainGauges,
  );
};
