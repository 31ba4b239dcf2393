import Type, { type Static } from 'typebox';
import type { LiveEngine } from './live-engine.ts';

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('catching-up'), Type.Literal('database-unreachable')], {
    description: '`ok`: the database answers and this node has folded everything committed before it started; '
      + '`catching-up`: it is still folding the log it started with; `database-unreachable`: the log cannot be read.',
  }),
  seq: Type.Integer({ description: 'The newest log sequence folded into this node\'s live state' }),
  head: Type.Optional(Type.Integer({ description: 'The newest sequence visible in the log' })),
  behind: Type.Optional(Type.Integer({ description: 'Sequence numbers between the two (numbers that never committed included)' })),
  unfoldable: Type.Integer({
    description: 'Events this node could not fold since it started (each logged, and counted in its feed\'s health on every screen); the rest were folded',
  }),
});
export type Health = Static<typeof Health>;

/**
 * Is this node ready to serve screens: the database answers (the log's head can be read) and
 * everything committed before the node started is folded in. The readiness route and the metrics
 * both ask here, so they cannot disagree. Never throws: an unreadable log is an answer.
 */
export async function readiness(engine: LiveEngine): Promise<{ ready: boolean; health: Health; error?: unknown }> {
  try {
    const lag = await engine.lag();
    const status = lag.current ? 'ok' as const : 'catching-up' as const;
    return { ready: lag.current, health: { status, seq: lag.seq, head: lag.head, behind: lag.behind, unfoldable: engine.unfoldable.count } };
  } catch (error) {
    return { ready: false, health: { status: 'database-unreachable', seq: engine.state.seq, unfoldable: engine.unfoldable.count }, error };
  }
}
