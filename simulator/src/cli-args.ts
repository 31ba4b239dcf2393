import { parseArgs } from 'node:util';
import { categories, isDepartmentId, type DepartmentId } from '@beacon/shared';
import { DEFAULT_STORM_PASS_MS } from './simulator.ts';

export interface CliSettings {
  baseUrl: string;
  /** An API key per department; only the departments given a key send. */
  keys: Partial<Record<DepartmentId, string>>;
  /** Only these categories, or every category of the keyed departments when absent. */
  categories?: string[];
  speedup: number;
  stormPassMs: number;
  startPhase: number;
}

export type CliParse = { ok: true; settings: CliSettings } | { ok: false; help: true } | { ok: false; error: string };

const OPTIONS = '--url, --key, --categories, --speedup, --pass-minutes, --start-phase';

export const USAGE = `usage: npx -y pnpm@12.21.0 simulate -- --url <beacon base url> --key <department>=<api key>… [--categories <id,…>] [--speedup <n>] [--pass-minutes <min>] [--start-phase <0..1>]
  --url           Beacon base URL, e.g. http://127.0.0.1:3000 (or BEACON_URL)
  --key           a department and its API key, e.g. meteorology=bk_…; repeat for more departments
                  (or BEACON_API_KEYS, comma-separated); only departments with a key send
  --categories    only these categories, comma-separated, e.g. rain-gauge,river-level (default: all of the keyed departments')
  --speedup       expected intervals are divided by this, 1 to 3600 (default 60: a 5-minute feed sends every 5 s)
  --pass-minutes  real minutes for one typhoon pass before it repeats, 1 to 1440 (default ${DEFAULT_STORM_PASS_MS / 60_000})
  --start-phase   where in the pass to begin: 0 calm, 0.4 rain building, 0.5 landfall (default 0)`;

/** Turns argv and the environment into settings, or one line saying which argument is wrong and what it should be. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): CliParse {
  let values: { url?: string; key?: string[]; categories?: string; speedup?: string; 'pass-minutes'?: string; 'start-phase'?: string; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        key: { type: 'string', multiple: true },
        categories: { type: 'string' },
        speedup: { type: 'string' },
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
      return { ok: false, error: `unknown argument ${option}; expected ${OPTIONS}` };
    }
    return { ok: false, error: code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `${option} expects a value` : message };
  }
  if (values.help) return { ok: false, help: true };

  const url = values.url ?? env.BEACON_URL;
  if (!url) return { ok: false, error: '--url (or BEACON_URL) is required: the Beacon base URL, e.g. http://127.0.0.1:3000' };
  if (!isHttpUrl(url)) return { ok: false, error: `--url expects an http:// or https:// URL, got "${url}"` };

  const keyArgs = values.key ?? (env.BEACON_API_KEYS ?? '').split(',').filter((k) => k.trim() !== '');
  if (!keyArgs.length) return { ok: false, error: '--key (or BEACON_API_KEYS) is required: a department and its API key, e.g. meteorology=bk_…' };
  const keys: Partial<Record<DepartmentId, string>> = {};
  for (const arg of keyArgs) {
    const [department = '', key = ''] = splitOnce(arg.trim(), '=');
    if (!isDepartmentId(department) || key === '') return { ok: false, error: `--key expects <department>=<api key>, e.g. meteorology=bk_…, got "${arg}"` };
    keys[department] = key;
  }

  let only: string[] | undefined;
  if (values.categories !== undefined) {
    only = values.categories.split(',').map((c) => c.trim()).filter((c) => c !== '');
    const unknown = only.find((c) => !categories.has(c));
    if (unknown !== undefined || !only.length) return { ok: false, error: `--categories expects category ids separated by commas, e.g. rain-gauge,river-level, got "${values.categories}"` };
    const keyless = only.find((c) => keys[categories.get(c)!.department] === undefined);
    if (keyless !== undefined) return { ok: false, error: `--categories names ${keyless}, but no --key is given for its department, ${categories.get(keyless)!.department}` };
  }

  const speedup = numberArg(values.speedup, '--speedup', 'a number from 1 to 3600', 60, (n) => n >= 1 && n <= 3600);
  if (typeof speedup === 'string') return { ok: false, error: speedup };
  const passMinutes = numberArg(values['pass-minutes'], '--pass-minutes', 'a number of minutes from 1 to 1440', DEFAULT_STORM_PASS_MS / 60_000, (n) => n >= 1 && n <= 1440);
  if (typeof passMinutes === 'string') return { ok: false, error: passMinutes };
  const startPhase = numberArg(values['start-phase'], '--start-phase', 'a number from 0 to 1 (0 calm, 0.5 landfall)', 0, (n) => n >= 0 && n <= 1);
  if (typeof startPhase === 'string') return { ok: false, error: startPhase };

  return { ok: true, settings: { baseUrl: url, keys, ...(only ? { categories: only } : {}), speedup, stormPassMs: passMinutes * 60_000, startPhase } };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
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
