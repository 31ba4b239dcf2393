import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';

const ok = ['--url', 'http://127.0.0.1:3000', '--key', 'bk_x'];
const error = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parseCliArgs(argv, env);
  return !parsed.ok && 'error' in parsed ? parsed.error : undefined;
};

describe('rain simulator command line', () => {
  it('reads --url, --key, --interval, --pass-minutes and --start-phase', () => {
    expect(parseCliArgs([...ok, '--interval', '2000', '--pass-minutes', '10', '--start-phase', '0.4'], {})).toEqual({
      ok: true,
      settings: { baseUrl: 'http://127.0.0.1:3000', apiKey: 'bk_x', intervalMs: 2000, stormPassMs: 600_000, startPhase: 0.4 },
    });
  });

  it('falls back to BEACON_URL and BEACON_API_KEY, and to 5 s / 30 min', () => {
    expect(parseCliArgs([], { BEACON_URL: 'https://beacon.example', BEACON_API_KEY: 'k' })).toEqual({
      ok: true,
      settings: { baseUrl: 'https://beacon.example', apiKey: 'k', intervalMs: 5000, stormPassMs: 1_800_000, startPhase: 0 },
    });
  });

  it('names the bad argument and what it expects', () => {
    expect(error(['--key', 'k'])).toMatch(/^--url \(or BEACON_URL\) is required/);
    expect(error(['--url', 'ftp://x', '--key', 'k'])).toBe('--url expects an http:// or https:// URL, got "ftp://x"');
    expect(error(['--url', 'http://x'])).toMatch(/^--key \(or BEACON_API_KEY\) is required/);
    expect(error([...ok, '--interval', 'fast'])).toBe('--interval expects a whole number of milliseconds from 200 to 3600000, got "fast"');
    expect(error([...ok, '--interval', '50'])).toMatch(/^--interval expects/);
    expect(error([...ok, '--pass-minutes', '0'])).toMatch(/^--pass-minutes expects a number of minutes from 1 to 1440/);
    expect(error([...ok, '--start-phase', '2'])).toMatch(/^--start-phase expects a number from 0 to 1/);
    expect(error([...ok, '--speed', '3'])).toBe('unknown argument --speed; expected --url, --key, --interval, --pass-minutes, --start-phase');
    expect(error([...ok, 'extra'])).toMatch(/^unknown argument extra/);
    expect(error([...ok, '--interval'])).toBe('--interval expects a value');
  });

  it('exits with code 2 and one line on stderr for a bad argument', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const run = spawnSync(tsx, [cli, ...ok, '--interval', 'fast'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'beacon rain simulator: --interval expects a whole number of milliseconds from 200 to 3600000, got "fast" (see --help)',
    ]);
  });
});
