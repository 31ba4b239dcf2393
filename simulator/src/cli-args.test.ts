import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';

const ok = ['--url', 'http://127.0.0.1:3000', '--key', 'meteorology=bk_x'];
const error = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parseCliArgs(argv, env);
  return !parsed.ok && 'error' in parsed ? parsed.error : undefined;
};

describe('simulator command line', () => {
  it('reads --url, one --key per department, --categories, --speedup, --pass-minutes and --start-phase', () => {
    expect(parseCliArgs([...ok, '--key', 'water=bk_w', '--categories', 'rain-gauge, river-level', '--speedup', '120', '--pass-minutes', '10', '--start-phase', '0.4'], {})).toEqual({
      ok: true,
      settings: {
        baseUrl: 'http://127.0.0.1:3000', keys: { meteorology: 'bk_x', water: 'bk_w' }, categories: ['rain-gauge', 'river-level'],
        speedup: 120, stormPassMs: 600_000, startPhase: 0.4,
      },
    });
  });

  it('falls back to BEACON_URL and BEACON_API_KEYS, every category of the keyed departments, 60× and 30 min', () => {
    expect(parseCliArgs([], { BEACON_URL: 'https://beacon.example', BEACON_API_KEYS: 'meteorology=k1,ocean=k=2' })).toEqual({
      ok: true,
      settings: { baseUrl: 'https://beacon.example', keys: { meteorology: 'k1', ocean: 'k=2' }, speedup: 60, stormPassMs: 1_800_000, startPhase: 0 },
    });
  });

  it('names the bad argument and what it expects', () => {
    expect(error(['--key', 'meteorology=k'])).toMatch(/^--url \(or BEACON_URL\) is required/);
    expect(error(['--url', 'ftp://x', '--key', 'meteorology=k'])).toBe('--url expects an http:// or https:// URL, got "ftp://x"');
    expect(error(['--url', 'http://x'])).toMatch(/^--key \(or BEACON_API_KEYS\) is required/);
    expect(error(['--url', 'http://x', '--key', 'bk_x'])).toBe('--key expects <department>=<api key>, e.g. meteorology=bk_…, got "bk_x"');
    expect(error(['--url', 'http://x', '--key', '__proto__=k'])).toMatch(/^--key expects <department>=<api key>/);
    expect(error(['--url', 'http://x', '--key', 'meteorology='])).toMatch(/^--key expects <department>=<api key>/);
    expect(error([...ok, '--categories', 'rain-gauge,nonsense'])).toMatch(/^--categories expects category ids separated by commas/);
    expect(error([...ok, '--categories', 'river-level'])).toBe('--categories names river-level, but no --key is given for its department, water');
    expect(error([...ok, '--speedup', 'fast'])).toBe('--speedup expects a number from 1 to 3600, got "fast"');
    expect(error([...ok, '--pass-minutes', '0'])).toMatch(/^--pass-minutes expects a number of minutes from 1 to 1440/);
    expect(error([...ok, '--start-phase', '2'])).toMatch(/^--start-phase expects a number from 0 to 1/);
    expect(error([...ok, '--interval', '3'])).toBe('unknown argument --interval; expected --url, --key, --categories, --speedup, --pass-minutes, --start-phase');
    expect(error([...ok, 'extra'])).toMatch(/^unknown argument extra/);
    expect(error([...ok, '--speedup'])).toBe('--speedup expects a value');
  });

  it('exits with code 2 and one line on stderr for a bad argument', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const run = spawnSync(tsx, [cli, ...ok, '--speedup', 'fast'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['beacon simulator: --speedup expects a number from 1 to 3600, got "fast" (see --help)']);
  });
});
