// Rain gauges of the region the run is for (BEACON_TEST_REGION), by number: a test that needs "a
// registered gauge" or "another one" names them so and runs on every region.
import { testRegion } from '@beacon/shared/test-region.ts';

const ids = testRegion().rainGauges.map((g) => g.id);

/** The n-th registered gauge of the region of the run (0-based; every test region has at least 15). */
export function testGauge(n: number): string {
  const id = ids[n];
  if (id === undefined) throw new Error(`the region of this run has ${ids.length} gauges, not ${n + 1}`);
  return id;
}
