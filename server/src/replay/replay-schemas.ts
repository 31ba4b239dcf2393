import Type from 'typebox';

// The replay routes' query strings, once: Fastify validates with them, /docs shows them, the handlers are typed from them.

const Instant = (description: string) => Type.String({ format: 'date-time', description: `${description}, RFC 3339 with offset (Z or ±hh:mm), e.g. 2026-09-14T08:05:00+08:00.` });

export const AtQuery = Type.Object({ at: Instant('The moment') }, { required: ['at'] });

export const WindowQuery = Type.Object({ from: Instant('Start'), to: Instant('End; after from, at most 14 days later') }, { required: ['from', 'to'] });

export const TimelineQuery = Type.Object({
  from: Instant('Start'),
  to: Instant('End; after from, at most 14 days later'),
  format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('csv')], { description: 'Printable HTML (default) or CSV.' })),
});
