import type { CategoryDefinition } from '../category.ts';
import { civilAffairsCategories } from './civilAffairs.ts';
import { constructionCategories } from './construction.ts';
import { earthquakeCategories } from './earthquake.ts';
import { educationCategories } from './education.ts';
import { emergencyCategories } from './emergency.ts';
import { fireCategories } from './fire.ts';
import { geologyCategories } from './geology.ts';
import { healthCategories } from './health.ts';
import { meteorologyCategories } from './meteorology.ts';
import { municipalCategories } from './municipal.ts';
import { oceanCategories } from './ocean.ts';
import { policeCategories } from './police.ts';
import { populationCategories } from './population.ts';
import { powerCategories } from './power.ts';
import { telecomCategories } from './telecom.ts';
import { transportCategories } from './transport.ts';
import { waterCategories } from './water.ts';

export { windSpeedThresholds, lightningThresholds } from './meteorology.ts';
export { displacementRateThresholds } from './geology.ts';
export { waveHeightThresholds } from './ocean.ts';
export { congestionThresholds } from './transport.ts';
export { waterloggingDepthThresholds } from './municipal.ts';

/** All 56 categories of the 17 departments, in the order of the departments table (DESIGN.md). */
export const catalogCategories: readonly CategoryDefinition[] = [
  ...emergencyCategories,
  ...meteorologyCategories,
  ...waterCategories,
  ...geologyCategories,
  ...oceanCategories,
  ...policeCategories,
  ...fireCategories,
  ...healthCategories,
  ...transportCategories,
  ...constructionCategories,
  ...civilAffairsCategories,
  ...educationCategories,
  ...municipalCategories,
  ...powerCategories,
  ...telecomCategories,
  ...earthquakeCategories,
  ...populationCategories,
];
