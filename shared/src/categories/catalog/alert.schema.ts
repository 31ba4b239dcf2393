import Type from 'typebox';
import { dateTime, recordSchema, text, type PlaceFields } from './fields.schema.ts';

/**
 * The one shape of every warning (weather, flash flood, geo-hazard, storm surge). It is the part of a
 * CAP 1.2 alert the hall acts on, so a CAP transport maps <identifier>, <sent>, <severity>/level,
 * <msgType> Cancel → lifted, <event>, <headline>, <description>, <areaDesc>, <expires>, <senderName>
 * into exactly these fields. Its areas are the city's districts.
 */
export function alertRecord(place: PlaceFields) {
  const { districts, name } = place.city;
  return recordSchema(
    'alertId',
    'The warning\'s stable id (CAP <identifier> of the first issue, e.g. "XMQX-20260914-TY-01"): every upgrade, downgrade and lift of the same warning reuses it.',
    {
      level: Type.Enum(['blue', 'yellow', 'orange', 'red'], {
        description: 'Colour level of the warning now: blue < yellow < orange < red (red most severe). One of: blue, yellow, orange, red.',
      }),
      status: Type.Enum(['active', 'lifted'], {
        description: 'active while in force; lifted (解除) when withdrawn — send the same alertId with status lifted. One of: active, lifted.',
      }),
      event: text('What the warning is about, in Chinese as issued, e.g. "台风", "暴雨", "山洪", "地质灾害", "风暴潮"', 40),
      headline: text(`One-line headline as issued, e.g. "${name}气象台发布台风橙色预警信号"`, 200),
      description: Type.Optional(text('Full text of the warning and advice to the public', 2000)),
      areas: Type.Array(Type.Enum([...districts]), {
        maxItems: districts.length,
        uniqueItems: true,
        description: `Districts the warning covers, from: ${districts.join(' ')}. An empty array means the whole city.`,
      }),
      expiresAt: Type.Optional(dateTime('When the warning expires unless renewed (CAP <expires>).')),
      sender: Type.Optional(text(`Issuing office, e.g. "${name}气象台"`, 100)),
    },
    'the warning was issued or last updated (CAP <sent>)',
  );
}
