/**
 * The scenario of all 17 departments through one typhoon pass: pure and deterministic. The same
 * category, phase and time always give the same records, so tests, demos and replays agree.
 */
import { civilAffairsGenerators } from './civilAffairs.ts';
import { constructionGenerators } from './construction.ts';
import { earthquakeGenerators } from './earthquake.ts';
import { educationGenerators } from './education.ts';
import { emergencyGenerators } from './emergency.ts';
import { fireGenerators } from './fire.ts';
import { geologyGenerators } from './geology.ts';
import { healthGenerators } from './health.ts';
import { meteorologyGenerators } from './meteorology.ts';
import { municipalGenerators } from './municipal.ts';
import { oceanGenerators } from './ocean.ts';
import { policeGenerators } from './police.ts';
import { populationGenerators } from './population.ts';
import { powerGenerators } from './power.ts';
import { momentAt, type Generators, type Rec } from './scenario.ts';
import { telecomGenerators } from './telecom.ts';
import { transportGenerators } from './transport.ts';
import { waterGenerators } from './water.ts';
import { normalizePhase } from '../storm.ts';

const generators: Generators = {
  ...emergencyGenerators,
  ...meteorologyGenerators,
  ...waterGenerators,
  ...geologyGenerators,
  ...oceanGenerators,
  ...policeGenerators,
  ...fireGenerators,
  ...healthGenerators,
  ...transportGenerators,
  ...constructionGenerators,
  ...civilAffairsGenerators,
  ...educationGenerators,
  ...municipalGenerators,
  ...powerGenerators,
  ...telecomGenerators,
  ...earthquakeGenerators,
  ...populationGenerators,
};

/** Every category the scenario can generate (all 56). */
export const generatedCategories: readonly string[] = Object.keys(generators);

/**
 * The records a category's department would send at this moment of the pass (observedAt = nowIso).
 * Entity ids are stable across phases, so entities update rather than multiply. May be empty: a
 * warning not yet issued, an incident not yet reported.
 */
export function generateRecords(category: string, phase: number, nowIso: string): Rec[] {
  const generate = generators[category];
  if (!generate) throw new RangeError(`simulator: no generator for category "${category}"`);
  return generate(momentAt(normalizePhase(phase), nowIso));
}
