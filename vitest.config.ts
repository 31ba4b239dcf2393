import { configDefaults, defineConfig } from 'vitest/config';
import { xiamenOnlyIntegration } from './tests/support/xiamen-only.ts';

// One `vitest run` runs every test: pure unit tests next to the code, integration tests against
// a real PostgreSQL, e2e tests in Debian's Chromium. Integration and e2e files run one at a time:
// they start servers and databases, and these machines have two cores.
//
// BEACON_TEST_REGION=riverton runs the region-generic tests on the invented test region
// (shared/src/region/riverton); unset, on the default region. Tests read it through
// @beacon/shared/test-region.ts (provide/inject), never from the environment themselves. On another
// region than Xiamen, the Xiamen-only integration tests (tests/support/xiamen-only.ts) and e2e are left out.
const testRegion = process.env.BEACON_TEST_REGION ?? '';
const otherRegion = testRegion !== '' && testRegion !== 'xiamen';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'simulator/src/**/*.test.ts', 'screen/src/**/*.test.ts', 'screen/build/**/*.test.ts', 'db/src/**/*.test.ts'],
          environment: 'node',
          provide: { testRegion },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(otherRegion ? xiamenOnlyIntegration : [])],
          globalSetup: ['tests/support/database-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          provide: { testRegion },
        },
      },
      {
        test: {
          name: 'e2e',
          include: otherRegion ? [] : ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/database-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
          provide: { testRegion },
        },
      },
    ],
  },
});
