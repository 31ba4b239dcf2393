import type { Sql } from '@beacon/db';
import type { DepartmentId } from '@beacon/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { DEPARTMENTS } from '../../auth/access.ts';
import { requireDepartment } from '../../credentials/require-department.ts';
import { InputError } from '../../errors/input-error.ts';
import { alertRecord, ErrorBody, IngestAck, placeFields, schemaCityOf } from '@beacon/shared/schemas.ts';
import Type from 'typebox';
import { logRejection } from '../log-rejection.ts';
import { alertIdOf, capPathOf, capToAlert, chooseInfo, type AlertRecord } from './cap-to-alert.ts';
import { readCap, type CapAlert } from './cap-xml.ts';

/** A CAP alert is a few KiB; 256 KiB leaves room for long descriptions and many areas. */
export const CAP_BODY_LIMIT = 256 * 1024;

/** The department decides the category: each of the four warning issuers has exactly one. */
export const CAP_CATEGORY: Partial<Record<DepartmentId, string>> = {
  meteorology: 'weather-warning',
  water: 'flash-flood-warning',
  geology: 'geohazard-warning',
  ocean: 'storm-surge-warning',
};

/** The ingest acknowledgement, with the category the department's key chose and the warning as stored (its districts the region's). */
const capAckOf = (alertSchema: object) => Type.Object({ ...IngestAck.properties, category: Type.String(), alert: Type.Unsafe<AlertRecord>(alertSchema) });

const XML_TYPES = ['application/cap+xml', 'application/xml', 'text/xml'];

/**
 * POST /api/v1/ingest/cap: one CAP 1.2 <alert> per request, stored as the sending department's
 * warning category through the one ingest pipeline. Encapsulated on purpose: the XML body parser
 * stays inside this plugin and every other route keeps accepting JSON only. <expires> is judged by the server's clock.
 */
const capRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { region, clock, ingest: pipeline } = app;
  const { sql } = app.db;
  const districts = Object.keys(region.districtNames);
  const CapAck = capAckOf(alertRecord(placeFields(schemaCityOf(region))));
  // Any type reaches the handler as a string, which then names the type it wanted (clearer than a bare 415).
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: CAP_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/api/v1/ingest/cap',
    {
      bodyLimit: CAP_BODY_LIMIT,
      config: { access: DEPARTMENTS },
      preHandler: requireDepartment(sql),
      schema: {
        operationId: 'ingestCapAlert',
        summary: 'Warnings as OASIS CAP 1.2 XML (meteorology, water, geology, ocean)',
        description:
          'Send one CAP 1.2 <alert> as application/cap+xml (or application/xml). The key\'s department decides the category: ' +
          'meteorology → weather-warning, water → flash-flood-warning, geology → geohazard-warning, ocean → storm-surge-warning. ' +
          'Level: a colour parameter (valueName color/level/颜色/级别) or 红色/橙色/黄色/蓝色 in <event>/<headline>, else <severity> ' +
          'Extreme→red, Severe→orange, Moderate→yellow, Minor→blue. msgType Cancel, an expired alert or 解除 in the headline → lifted. ' +
          'Update/Cancel keep the alertId of the warning they reference, through earlier Updates (an Update may name only the one before it). Only status Actual is accepted. ' +
          `Errors name the element, e.g. /alert/info/0/severity. Body limit ${CAP_BODY_LIMIT} bytes.`,
        tags: ['ingest: warnings (CAP)'],
        response: { 200: CapAck, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const credential = request.credential!;
      const category = CAP_CATEGORY[credential.department];
      if (!category) {
        throw new InputError(403, 'BEACON_FORBIDDEN', `the ${credential.department} department issues no CAP warnings`, [
          { path: 'authorization', expected: `a key of department ${Object.keys(CAP_CATEGORY).join(', ')}`, got: `a key of department "${credential.department}"` },
        ]);
      }
      const mediaType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!XML_TYPES.includes(mediaType) || typeof request.body !== 'string') {
        throw new InputError(415, 'BEACON_UNSUPPORTED_MEDIA_TYPE', 'send the CAP alert as application/cap+xml', [
          { path: 'content-type', expected: 'application/cap+xml or application/xml', got: mediaType || 'nothing' },
        ]);
      }
      let cap: CapAlert;
      let record: AlertRecord;
      try {
        cap = readCap(request.body);
        const alertId = (await knownAlertId(sql, category, cap)) ?? alertIdOf(cap);
        // A Cancel without <info> lifts what Beacon holds under the original id: look it up first.
        const previous = cap.msgType === 'Cancel' && !cap.infos.length ? await heldAlert(sql, category, alertId) : null;
        record = capToAlert(cap, { now: clock.now(), districts, previous, alertId, ...(region.adminCodes ? { adminCodes: region.adminCodes } : {}) });
      } catch (err) {
        // Broken CAP counts against the feed's health like a refused batch (the pipeline logs those itself).
        if (err instanceof InputError) await logRejection(sql, { credentialId: credential.id, department: credential.department, category }, 0, err).catch(() => {});
        throw err;
      }
      const infoIndex = chooseInfo(cap.infos)?.index;
      try {
        const ack = await pipeline.accept(credential, category, { records: [record] });
        await rememberMessage(sql, category, cap, record.alertId).catch((err: unknown) => request.log.warn({ err }, 'CAP: could not record which warning a message belongs to'));
        return { ...ack, category, alert: record };
      } catch (err) {
        // The pipeline judged the mapped record: point its issues back at the CAP elements they came from.
        if (err instanceof InputError) {
          throw new InputError(err.statusCode, err.code, err.message, err.issues.map((i) => ({ ...i, path: toCapPath(i.path, infoIndex) })));
        }
        throw err;
      }
    },
  );
};


export const capIngest = fp(capRoutes, {
  name: 'beacon-cap-ingest',
  dependencies: ['beacon-core', 'beacon-ingest', 'beacon-access-control'],
  decorators: { fastify: ['db', 'region', 'clock', 'ingest'] },
  encapsulate: true,
});

/**
 * The warning an Update or Cancel belongs to, through the messages it references: CAP lets an
 * Update name only the Update before it, whose own original Beacon already resolved. Null when
 * none of its references is known (then the earliest reference is taken as the original).
 */
async function knownAlertId(sql: Sql, category: string, cap: CapAlert): Promise<string | null> {
  if (cap.msgType === 'Alert' || !cap.references.length) return null;
  const senders = cap.references.map((r) => r.sender);
  const identifiers = cap.references.map((r) => r.identifier);
  const [row] = await sql<{ alert_id: string }[]>`
    select m.alert_id from cap_messages m
    join unnest(${sql.array(senders)}::text[], ${sql.array(identifiers)}::text[]) as r(sender, identifier) on m.sender = r.sender and m.identifier = r.identifier
    where m.category = ${category}
    order by m.sent limit 1`;
  return row?.alert_id ?? null;
}

/**
 * Records which warning this message belongs to, for the messages that will reference it. After the
 * record is committed (the pipeline owns that transaction): if this fails, a later Update naming only
 * this message falls back to its own identifier — the warning shows twice until the next full chain.
 */
async function rememberMessage(sql: Sql, category: string, cap: CapAlert, alertId: string): Promise<void> {
  await sql`
    insert into cap_messages (category, sender, identifier, alert_id, sent)
    values (${category}, ${cap.sender}, ${cap.identifier}, ${alertId}, ${cap.sent})
    on conflict do nothing`;
}

async function heldAlert(sql: Sql, category: string, alertId: string): Promise<AlertRecord | null> {
  const [row] = await sql<{ payload: AlertRecord }[]>`select payload from current_state where category = ${category} and entity_id = ${alertId}`;
  return row?.payload ?? null;
}

function toCapPath(path: string, infoIndex: number | undefined): string {
  const m = /^\/records\/0(?:\/([^/]+))?/.exec(path);
  return m ? capPathOf(m[1] ?? '', infoIndex) : path;
}
