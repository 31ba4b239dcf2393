/**
 * Runs the simulated departments against any Beacon, as their own systems would:
 *   npx -y pnpm@12.21.0 simulate -- --url http://127.0.0.1:3000 --key meteorology=<key> [--key water=<key>]… [--speedup 60] [--pass-minutes 30]
 * Exit code 2 means the arguments were wrong; Ctrl-C stops after the batches in flight.
 */
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startSimulator } from './simulator.ts';

// `pnpm … start -- --url …` hands the script a literal "--" first: it separates nothing here.
const parsed = parseCliArgs(process.argv.slice(2).filter((a) => a !== '--'), process.env);
if (!parsed.ok) {
  if ('help' in parsed) {
    console.log(USAGE);
    process.exit(0);
  }
  console.error(`beacon simulator: ${parsed.error} (see --help)`);
  process.exit(2);
}

const simulator = startSimulator(parsed.settings);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.info(`simulator: ${signal}, stopping`);
  void simulator.stop().then(() => process.exit(0));
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
