import { parseArgs } from 'node:util';
import { DEFAULT_INTERVAL_MS, DEFAULT_STORM_PASS_MS } from './feeder.ts';

export interface CliSettings {
  baseUrl: string;
  apiKey: string;
  intervalMs: number;
  stormPassMs: number;
  startPhase: number;
}

export type CliParse = { ok: true; settings: CliSettings } | { ok: false; help: true } | { ok: false; error: string };

export const USAGE = `usage: tsx server/src/simulator/cli.ts --url <beacon base url> --key <api key> [--interval <ms>] [--pass-minutes <min>] [--start-phase <0..1>]
  --url           Beacon base URL, e.g. http://127.0.0.1:3000 (or BEACON_URL)
  --key           the meteorology department's API key (or BEACON_API_KEY)
  --interval      milliseconds between batches, 200 to 3600000 (default ${DEFAULT_INTERVAL_MS})
  --pass-minutes  real minutes for one typhoon pass before it repeats, 1 to 1440 (default ${DEFAULT_STORM_PASS_MS / 60_000})
  --start-phase   where in the pass to begin: 0 calm, 0.4 rain building, 0.5 landfall (default 0)`;

/** Turns argv and the environment into settings, or one line saying which argument is wrong and what it should be. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): CliParse {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        interval: { type: 'string' },
        'pass-minutes': { type: 'string' },
        'start-phase': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // node:util's own messages are long; keep the one line short and name what is accepted.
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(\S+)[^']*'/.exec(message)?.[1] ?? message;
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return { ok: false, error: `unknown argument ${option}; expected --url, --key, --interval, --pass-minutes, --start-phase` };
    }
    return { ok: false, error: code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `${option} expects a value` : message };
  }
  if (values.help) return { ok: false, help: true };

  const url = (values.url as string | undefined) ?? env.BEACON_URL;
  if (!url) return { ok: false, error: '--url (or BEACON_URL) is required: the Beacon base URL, e.g. http://127.0.0.1:3000' };
  if (!isHttpUrl(url)) return { ok: false, error: `--url expects an http:// or https:// URL, got "${url}"` };

  const apiKey = (values.key as string | undefined) ?? env.BEACON_API_KEY;
  if (!apiKey || apiKey.trim() === '') {
    return { ok: false, error: "--key (or BEACON_API_KEY) is required: the meteorology department's API key" };
  }

  const interval = numberArg(values.interval, '--interval', 'a whole number of milliseconds from 200 to 3600000', DEFAULT_INTERVAL_MS, (n) => Number.isInteger(n) && n >= 200 && n <= 3_600_000);
  if (typeof interval === 'string') return { ok: false, error: interval };
  const passMinutes = numberArg(values['pass-minutes'], '--pass-minutes', 'a number of minutes from 1 to 1440', DEFAULT_STORM_PASS_MS / 60_000, (n) => n >= 1 && n <= 1440);
  if (typeof passMinutes === 'string') return { ok: false, error: passMinutes };
  const startPhase = numberArg(values['start-phase'], '--start-phase', 'a number from 0 to 1 (0 calm, 0.5 landfall)', 0, (n) => n >= 0 && n <= 1);
  if (typeof startPhase === 'string') return { ok: false, error: startPhase };

  return { ok: true, settings: { baseUrl: url, apiKey, intervalMs: interval, stormPassMs: passMinutes * 60_000, startPhase } };
}

/** The parsed number, or an error line naming the argument and what it expects. */
function numberArg(raw: unknown, name: string, expected: string, fallback: number, valid: (n: number) => boolean): number | string {
  if (raw === undefined) return fallback;
  const text = String(raw);
  const n = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(n) && valid(n) ? n : `${name} expects ${expected}, got "${text}"`;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
