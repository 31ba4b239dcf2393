// The integration tests that run on Xiamen only, each with why. A run on another region
// (BEACON_TEST_REGION=riverton) leaves them out (vitest.config.ts); every other integration test runs
// on the region of the run. Moving a file off this list means making it read the region of the run
// (@beacon/shared/test-region.ts, tests/support/test-server.ts hands it to the app).
//
// The e2e project is Xiamen-only as a whole: it drives the built server as a process, which starts on
// BEACON_REGION (default Xiamen), and checks the real city's wall.

/** Their records come from the department simulators or fixtures that play Xiamen (its places, CAP geocodes 3502xx). */
export const xiamenOnlyIntegration: readonly string[] = [
  'tests/integration/hostile/**', // tests/support/hostile-input.ts: records from the department simulators
  'tests/integration/cap-ingest.test.ts', // Xiamen's CAP fixtures (server/src/ingest/cap/fixtures)
  'tests/integration/backup-restore.test.ts', // a simulated storm's log
  'tests/integration/faults/unfoldable-record.test.ts', // a simulated storm's log
  'tests/integration/faults/concurrent-commands.test.ts', // command fixtures placed in Xiamen (tests/support/command-fixtures.ts)
  'tests/integration/commands.test.ts', // command fixtures placed in Xiamen
  'tests/integration/surroundings.test.ts', // distances and travel times measured between Xiamen places
];
