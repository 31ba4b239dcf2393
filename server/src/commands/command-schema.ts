import Type from 'typebox';
import { commsLinks, MAP_LAYER_IDS, postMilestones, REPLAY_SPEEDS, responseLevels, type Region } from '@beacon/shared';
// The ids commands name are the ids records carry: the same pattern.
import { id } from '@beacon/shared/categories/catalog/fields.schema.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;

/** A view on the wall; districts are the region's. */
export function viewSchema(region: Region) {
  const district = literals(region.districts.features.map((f) => f.properties.name));
  return Type.Union([
    Type.Object({ kind: Type.Literal('city') }, strict),
    Type.Object({ kind: Type.Literal('district'), district }, strict),
    Type.Object({ kind: Type.Literal('subdistrict'), district, subdistrict: Type.String({ minLength: 1, maxLength: 64 }) }, strict),
    Type.Object({ kind: Type.Literal('incident'), incidentId: id('An incident\'s incidentId.') }, strict),
  ]);
}

/** POST /api/v1/commands: one command, with the client's id and the reason. Defined once for validation, /docs and types. */
export function commandBodySchema(region: Region) {
  return Type.Object(
    {
      commandId: Type.String({ format: 'uuid', description: 'Made by the client; sending the same command again with the same id is harmless.' }),
      reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why, in the issuer\'s words; kept in the audit trail.' }),
      command: Type.Union([
        Type.Object({ kind: Type.Literal('response.set'), level: Type.Union([literals(responseLevels), Type.Null()], { description: 'IV (lowest) to I; null ends the response.' }) }, strict),
        Type.Object({ kind: Type.Literal('post.order'), postId: id('A new id for the post, e.g. "FP-20260914-01".'), incidentId: id('The incident it serves.') }, strict),
        Type.Object({ kind: Type.Literal('post.milestone'), postId: id('The post.'), milestone: literals(postMilestones), link: Type.Optional(literals(commsLinks)) }, strict),
        Type.Object({ kind: Type.Literal('team.dispatch'), teamId: id('A rescue team\'s teamId.'), incidentId: id('The incident.') }, strict),
        Type.Object({ kind: Type.Literal('team.release'), teamId: id('A rescue team\'s teamId.') }, strict),
        Type.Object({ kind: Type.Literal('incident.acknowledge'), incidentId: id('The incident.') }, strict),
        Type.Object({ kind: Type.Literal('wall.focus'), view: viewSchema(region) }, strict),
        Type.Object({
          kind: Type.Literal('wall.replay'),
          from: Type.String({ format: 'date-time', description: 'Start of the window to play, RFC 3339.' }),
          to: Type.String({ format: 'date-time', description: 'End of the window (at most 3 days after from).' }),
          speed: Type.Union(REPLAY_SPEEDS.map((s) => Type.Literal(s)), { description: 'Replay seconds per real second: 1, 10, 60 or 600.' }),
        }, strict),
        Type.Object({ kind: Type.Literal('wall.live') }, strict),
        Type.Object({
          kind: Type.Literal('wall.layers'),
          hidden: Type.Array(literals(MAP_LAYER_IDS), { uniqueItems: true, maxItems: MAP_LAYER_IDS.length, description: 'The one-map layers the wall hides; [] shows them all.' }),
        }, strict),
      ]),
    },
    strict,
  );
}

export const CommandAccepted = Type.Object({
  commandId: Type.String(),
  seq: Type.Integer({ description: 'The command\'s place in the log.' }),
  at: Type.Integer({ description: 'When it took effect (epoch ms, server clock).' }),
  duplicate: Type.Boolean({ description: 'True when this id was accepted before (nothing new was logged).' }),
});
