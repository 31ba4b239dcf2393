import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categories } from '../categories/registry.ts';
import type { RecordReceived } from '../events.ts';
import { testRegion } from '../test-region.ts';
import { emptyLiveState, type LiveState } from '../state/live-state.ts';
import { fold } from '../state/reducer.ts';
import type { AreaRef } from './defence-area.ts';
import { defenceFigures, type DefenceFigure } from './defence-figures.ts';
import { DEFENCE_RULES } from './defence-rules.ts';

// For any set of records: an area's figures are a part of the city's, and where every record lies in
// one district, the districts' figures add up to the city's. Every figure is a sum of what each
// counted entity adds (a tally, people, a station over its level), so all fifteen are additive —
// and so are their wholes, breakdowns and hourly trends.

const NOW = Date.parse('2026-09-14T20:00:00+08:00');
// Region-generic: the region of the run (BEACON_TEST_REGION).
const region = testRegion();
const DISTRICTS = Object.keys(region.districtNames);
const DISTRICT_CODES = Object.keys(region.adminCodes!.districts);
const { lonMin, lonMax, latMin, latMax } = region.bounds;
const CITY_CODE = region.adminCodes!.city;
const RULE_CATEGORIES = DEFENCE_RULES.map((r) => r.category);
const STATUSES = ['closed', 'open', 'restricted', 'reopened', 'out', 'restored', 'down', 'on-backup', 'suspended', 'normal', 'stopped', 'secured', 'unsecured', 'active', 'reported', 'cleared'];

const count = fc.nat({ max: 1000 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Every field any defence rule reads, each sometimes missing. */
const payload = fc.record({
  status: fc.constantFrom(...STATUSES),
  households: count, trees: count, boatsInHarbour: count, boatsRegistered: count, boatsAtSea: count, peopleAboard: count,
  students: count, workersEvacuated: count, deaths: count, injured: count, missing: count, evacuatedPeople: count,
  levelM: maybe(fc.integer({ min: 0, max: 40 })), floodLimitLevelM: maybe(fc.integer({ min: 0, max: 40 })), warningLevelM: maybe(fc.integer({ min: 0, max: 40 })),
  levelCm: maybe(fc.integer({ min: 0, max: 800 })), warningLevelCm: maybe(fc.integer({ min: 0, max: 800 })), blocksRoad: fc.boolean(),
}, { requiredKeys: ['status'] });

/** An area code inside a district: the district's own, or one of a few of its towns. */
const codeIn = fc.tuple(fc.constantFrom(...DISTRICT_CODES), fc.constantFrom('', '001', '002', '101', '101001')).map(([d, t]) => d + t);
const idOf = (category: string, weird: boolean) =>
  category === 'evacuation'
    ? (weird ? fc.oneof(codeIn, fc.constantFrom(CITY_CODE, `${CITY_CODE.slice(0, 4)}99`, `${CITY_CODE.slice(0, 4)}99001`, '__proto__', 'constructor')) : codeIn)
    : fc.constantFrom('A', 'B', 'C', '__proto__', 'constructor');

/** A point somewhere around the city (some in no district at all). */
const point = fc.record({ lon: fc.double({ min: lonMin, max: lonMax, noNaN: true }), lat: fc.double({ min: latMin, max: latMax, noNaN: true }) });

/** A record in one district (`weird`: or in several, none, or a district the region does not have). */
const record = (weird: boolean) =>
  fc.constantFrom(...RULE_CATEGORIES).chain((category) =>
    fc.record({
      category: fc.constant(category),
      id: idOf(category, weird),
      minutesAgo: fc.nat({ max: 8 * 60 }),
      data: payload,
      place: weird
        ? fc.oneof(
          fc.record({ district: fc.constantFrom(...DISTRICTS, '鼓浪屿区') }),
          point,
          // Named, and placed anywhere: the name and the point may disagree.
          fc.record({ district: fc.constantFrom(...DISTRICTS), lon: fc.double({ min: lonMin, max: lonMax, noNaN: true }), lat: fc.double({ min: latMin, max: latMax, noNaN: true }) }),
          fc.constant({}),
        )
        : fc.record({ district: fc.constantFrom(...DISTRICTS) }),
    }));

type Gen = { category: string; id: string; minutesAgo: number; data: Record<string, unknown>; place: Record<string, unknown> };

function stateOf(records: readonly Gen[]): LiveState {
  const events = records.map((r, i): RecordReceived => {
    const iso = new Date(NOW - r.minutesAgo * 60_000).toISOString();
    const c = categories.get(r.category)!;
    const data = Object.fromEntries(Object.entries({ ...r.data, ...r.place }).filter(([, v]) => v !== undefined));
    return {
      type: 'record.received', seq: i + 1, receivedAt: iso, department: c.department, category: r.category, entityId: r.id,
      observedAt: iso, version: 1, payload: { [c.idField]: r.id, observedAt: iso, ...data },
    };
  });
  return fold(emptyLiveState(), events);
}

const figuresOf = (s: LiveState, area?: AreaRef) => defenceFigures(s, NOW, area ? { area: { region: region, area } } : {});
const district = (d: string): AreaRef => ({ kind: 'district', district: d });
const numbers = (f: DefenceFigure) => ({ value: f.value, of: f.of ?? 0, entities: f.entities, detail: { ...f.detail }, trend: f.trend });

function add(a: ReturnType<typeof numbers>, b: ReturnType<typeof numbers>): ReturnType<typeof numbers> {
  const detail: Record<string, number> = { ...a.detail };
  for (const [k, v] of Object.entries(b.detail)) detail[k] = (detail[k] ?? 0) + v;
  return { value: a.value + b.value, of: a.of + b.of, entities: a.entities + b.entities, detail, trend: a.trend.map((v, i) => v + b.trend[i]!) };
}

/** `part` is no more than `whole` in every number it has. */
function within(part: DefenceFigure, whole: DefenceFigure): boolean {
  return part.value <= whole.value && part.entities <= whole.entities && (part.of ?? 0) <= (whole.of ?? 0)
    && part.trend.every((v, i) => v <= whole.trend[i]!)
    && Object.entries(part.detail).every(([k, v]) => v <= (whole.detail[k] ?? 0));
}

describe('defence figures of an area, for any records', () => {
  it('a district\'s figures never exceed the city\'s, nor a subdistrict\'s its district\'s', () => {
    const subdistricts = region.rainGauges.map((g): AreaRef => ({ kind: 'subdistrict', district: g.district, subdistrict: g.name.zh }));
    fc.assert(
      fc.property(fc.array(record(true), { maxLength: 40 }), fc.constantFrom(...subdistricts), (records, sub) => {
        const s = stateOf(records);
        const city = figuresOf(s);
        for (const d of DISTRICTS) {
          const here = figuresOf(s, district(d));
          here.forEach((f, i) => expect(within(f, city[i]!), `${d} ${f.id}`).toBe(true));
        }
        if (sub.kind !== 'subdistrict') return;
        const parent = figuresOf(s, district(sub.district));
        figuresOf(s, sub).forEach((f, i) => expect(within(f, parent[i]!), `${sub.subdistrict} ${f.id}`).toBe(true));
      }),
      { numRuns: 150 },
    );
  });

  it('where each record lies in one district, the districts\' figures add up to the city\'s', () => {
    fc.assert(
      fc.property(fc.array(record(false), { maxLength: 40 }), (records) => {
        const s = stateOf(records);
        const city = figuresOf(s);
        const perDistrict = DISTRICTS.map((d) => figuresOf(s, district(d)));
        city.forEach((f, i) => {
          const summed = perDistrict.map((fs) => numbers(fs[i]!)).reduce(add);
          expect(summed, f.id).toEqual(numbers(f));
        });
      }),
      { numRuns: 150 },
    );
  });
});
