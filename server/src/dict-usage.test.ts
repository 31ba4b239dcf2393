import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A source scan that keeps names from outside off plain-object indexing (util/dict.ts says why: one
 * record with id `constructor` made the fold throw). It is a scan, not a type check: it looks for the
 * exact shapes that were removed, in every non-test .ts and .vue file of shared/src, server/src,
 * simulator/src and screen/src, so a new one fails here with its file and line:
 *
 * - a map of live state or of the command slice (`latest`, `trends`, `feeds`, `transitions`, `posts`,
 *   `dispatches`, `acknowledged`) or the region's `districtNames`, indexed by anything but a string
 *   literal — `state.latest[category]`, `state.latest.incident?.[id]`, `state.command.posts[postId]`.
 *   Read them with latestRecord / latestIn / trendOf / feedOf / own().
 * - `x ??= {}`: lazily creating a plain object as a dictionary (use dict() and setOwn()).
 * - `key in <one of those maps>`: `in` consults the prototype (use Object.hasOwn or own()).
 * - `…)[event]`: a socket event name indexing a policy table.
 *
 * Indexing by a string literal (`state.latest['rescue-team']`) is allowed: the name is ours.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['shared/src', 'server/src', 'simulator/src', 'screen/src'];

const MAPS = 'latest|trends|feeds|transitions|posts|dispatches|acknowledged|districtNames';
const PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'a map keyed by names indexed by a non-literal', re: new RegExp(`\\b(${MAPS})(\\.[A-Za-z]+|\\[['"][A-Za-z-]+['"]\\])?(\\?\\.)?\\[(?!['"\\]])`) },
  { name: 'a plain object made lazily as a dictionary (??= {})', re: /\?\?=\s*\{\s*\}/ },
  { name: '`in` against a map keyed by names', re: new RegExp(`\\bin\\s+[A-Za-z.]*\\b(${MAPS})\\b`) },
  { name: 'an event name indexing a table', re: /\)\[event\]/ },
];

/**
 * Files owned by another branch while this one lands: shared/src/views/filter.ts is being made
 * prototype-safe on h/views. Remove it from here when that merges (the scan then covers it).
 */
const PENDING_ELSEWHERE = new Set<string>([]);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|vue)$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [path] : [];
  });
}

function findings(text: string): { line: number; pattern: string; source: string }[] {
  const out: { line: number; pattern: string; source: string }[] = [];
  text.split('\n').forEach((source, i) => {
    if (/^\s*(\/\/|\*)/.test(source)) return; // comments may name the shapes they avoid
    for (const p of PATTERNS) if (p.re.test(source)) out.push({ line: i + 1, pattern: p.name, source: source.trim() });
  });
  return out;
}

describe('names from outside never index plain objects', () => {
  it('finds the shapes it looks for (so a silent scan means something)', () => {
    expect(findings("const r = state.latest[category]?.[id];")).toHaveLength(1);
    expect(findings("const r = state.latest.incident?.[incidentId];")).toHaveLength(1);
    expect(findings("const p = state.command.posts[c.postId];")).toHaveLength(1);
    expect(findings("(d.latest[e.category] ??= {})[e.entityId] = x;")).toHaveLength(2);
    expect(findings("if (String(d.role) in roleOrder || c in delta.latest) x();")).toHaveLength(1);
    expect(findings("const allowed = (policy.events as Record<string, Role[]>)[event];")).toHaveLength(1);
    expect(findings("localName(region.districtNames[district], locale)")).toHaveLength(1);
    expect(findings("const teams = state.latest['rescue-team'];")).toEqual([]);
    expect(findings("const r = latestRecord(state, 'incident', id);")).toEqual([]);
  });

  it('in shared/src, server/src, simulator/src and screen/src', () => {
    const files = SCANNED.flatMap(sources).map((f) => relative(ROOT, join(ROOT, f)));
    expect(files.length).toBeGreaterThan(100);
    const found = files
      .filter((f) => !PENDING_ELSEWHERE.has(f))
      .flatMap((f) => findings(readFileSync(join(ROOT, f), 'utf8')).map((x) => `${f}:${x.line} ${x.pattern}: ${x.source}`));
    expect(found).toEqual([]);
  });
});
