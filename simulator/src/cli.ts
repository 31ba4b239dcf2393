/**
 * Runs the typhoon rain simulator against any Beacon, as a meteorology bureau's system would:
 *   tsx server/src/simulator/cli.ts --url http://127.0.0.1:3000 --key <key> [--interval 5000] [--pass-minutes 30]
 * Exit code 2 means the arguments were wrong; Ctrl-C stops after the batch in flight.
 */
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startRainSimulator } from './feeder.ts';

const parsed = parseCliArgs(process.argv.slice(2), process.env);
if (!parsed.ok) {
  if ('help' in parsed) {
    console.log(USAGE);
    process.exit(0);
  }
  console.error(`beacon rain simulator: ${parsed.error} (see --help)`);
  process.exit(2);
}

const simulator = startRainSimulator(parsed.settings);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.info(`rain simulator: ${signal}, stopping`);
  void simulator.stop().then(() => process.exit(0));
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
