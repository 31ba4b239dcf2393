// What one entity adds to a typhoon-defence figure (防御工作落实), from its record alone.
//
// Why this lives apart from the selector: the reducer keeps a 24 h trend of each entity's tally (see
// state/trend-point.ts), so the wall can draw "households without power over the last hours" from
// state without a second history. The tally is a number per record, like an observation's
// valueField; the trend stays bounded the same way (one point per 5-minute slot, 24 h).

type Payload = Readonly<Record<string, unknown>>;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const flag = (yes: boolean): number => (yes ? 1 : 0);

/**
 * Entity categories whose records carry no valueField but count towards a defence figure. Each
 * returns the entity's contribution now: 1/0 for a status, or the number it holds.
 */
export const defenceTallies: ReadonlyMap<string, (data: Payload) => number> = new Map<string, (data: Payload) => number>([
  ['fishing-boat', (d) => num(d.boatsInHarbour)],
  ['ferry-suspension', (d) => flag(d.status === 'suspended')],
  ['school-closure', (d) => flag(d.status === 'closed')],
  ['construction-site-stop', (d) => flag(d.status === 'stopped')],
  ['tower-crane', (d) => flag(d.status === 'secured')],
  // A feeder reports 0 households once restored; a restored record with a stale count still adds none.
  ['power-outage', (d) => (d.status === 'restored' ? 0 : num(d.households))],
  ['base-station-outage', (d) => flag(d.status === 'down')],
  ['road-closure', (d) => flag(d.status === 'closed' || d.status === 'restricted')],
  ['traffic-control', (d) => flag(d.status === 'active')],
  ['fallen-tree', (d) => (d.status === 'cleared' ? 0 : num(d.trees))],
  ['casualty-report', (d) => num(d.deaths) + num(d.injured) + num(d.missing)],
]);

/** An entity's tally for the trend, or undefined when its category has none. */
export function defenceTallyOf(category: string, data: Payload): number | undefined {
  return defenceTallies.get(category)?.(data);
}
