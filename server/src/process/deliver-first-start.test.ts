import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverFirstStart, FIRST_START_FILE } from './deliver-first-start.ts';

const lines = ['  admin     user "admin"  password s3cret-one-time', 'Wall: http://127.0.0.1:3000/wall#kiosk=eyJ.k.sig'];
let dir: string;
let printed: string[];
const print = (line: string) => printed.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'beacon-first-start-'));
  printed = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('where a first start puts its credentials', () => {
  it('prints them on a terminal and writes nothing', () => {
    expect(deliverFirstStart(lines, { interactive: true, dataDir: join(dir, 'data'), print })).toEqual({ shown: 'terminal' });
    expect(printed.join('\n')).toContain('s3cret-one-time');
    expect(() => statSync(join(dir, 'data'))).toThrow();
  });

  it('otherwise writes a 0600 file, replacing a wider one left before, and prints only its path', () => {
    const dataDir = join(dir, 'data');
    const file = join(dataDir, FIRST_START_FILE);
    deliverFirstStart(['old'], { interactive: false, dataDir, print });
    chmodSync(file, 0o644);
    printed = [];
    expect(deliverFirstStart(lines, { interactive: false, dataDir, print })).toEqual({ shown: 'file', file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`${lines.join('\n')}\n`);
    expect(printed.join('\n')).toContain(file);
    expect(printed.join('\n')).not.toMatch(/s3cret|eyJ/);
  });

  it('when the file cannot be written, says so and how to recover, still without a secret', () => {
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');
    expect(deliverFirstStart(lines, { interactive: false, dataDir: notADirectory, print })).toMatchObject({ shown: 'nowhere' });
    expect(printed.join('\n')).toContain('reset-password');
    expect(printed.join('\n')).not.toMatch(/s3cret|eyJ/);
  });
});
