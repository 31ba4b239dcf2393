import { describe, expect, it } from 'vitest';
import { categoryList, xiamen } from '@beacon/shared';
import { generateRecords } from '@beacon/simulator';
import { validateBatch } from './validation.ts';

const NOW = '2026-09-14T08:00:00.000Z';
/** Calm, outer bands, a day out, hours out, landfall, after, inland, calm again. */
const phases = [0, 0.15, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.85, 0.99];

// The simulator (its own package) checks its records against the shared schemas; this is the other
// side of that seam: ingest's own validation (formats, the text rule) accepts every batch it sends.
describe('the simulated departments, through ingest validation', () => {
  it.each(categoryList.map((c) => [c.id] as const))('%s: every batch at every phase is valid', (id) => {
    for (const phase of phases) {
      const records = generateRecords(id, phase, NOW);
      if (records.length) expect([phase, validateBatch(xiamen, id, { records })]).toEqual([phase, []]);
    }
  });
});
