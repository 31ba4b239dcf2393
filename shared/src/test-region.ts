// Test support: the region the suite runs on. `BEACON_TEST_REGION=riverton npx vitest run …` runs the
// region-generic tests on the invented test region; vitest.config.ts hands the name over, so no test
// reads the environment and no test picks a city by itself. Tests about one real city's own data
// import that region directly and say so.
import { inject } from 'vitest';
import { DEFAULT_REGION_ID, regionById } from './region/index.ts';
import type { Region } from './region/types.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A region id, or '' for the default region. */
    testRegion: string;
  }
}

/** The region this run of the suite is for. */
export function testRegion(): Region {
  return regionById(inject('testRegion') || DEFAULT_REGION_ID);
}
