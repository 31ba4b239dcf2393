// Every category's record schema by id, gathered from the per-department files.
import type { TSchema } from 'typebox';
import { civilAffairsSchemas } from './civilAffairs.schema.ts';
import { constructionSchemas } from './construction.schema.ts';
import { earthquakeSchemas } from './earthquake.schema.ts';
import { educationSchemas } from './education.schema.ts';
import { emergencySchemas } from './emergency.schema.ts';
import { fireSchemas } from './fire.schema.ts';
import { geologySchemas } from './geology.schema.ts';
import { healthSchemas } from './health.schema.ts';
import { meteorologySchemas } from './meteorology.schema.ts';
import { municipalSchemas } from './municipal.schema.ts';
import { oceanSchemas } from './ocean.schema.ts';
import { policeSchemas } from './police.schema.ts';
import { populationSchemas } from './population.schema.ts';
import { powerSchemas } from './power.schema.ts';
import { telecomSchemas } from './telecom.schema.ts';
import { transportSchemas } from './transport.schema.ts';
import { waterSchemas } from './water.schema.ts';

export const catalogSchemas: Readonly<Record<string, TSchema>> = {
  ...emergencySchemas,
  ...meteorologySchemas,
  ...waterSchemas,
  ...geologySchemas,
  ...oceanSchemas,
  ...policeSchemas,
  ...fireSchemas,
  ...healthSchemas,
  ...transportSchemas,
  ...constructionSchemas,
  ...civilAffairsSchemas,
  ...educationSchemas,
  ...municipalSchemas,
  ...powerSchemas,
  ...telecomSchemas,
  ...earthquakeSchemas,
  ...populationSchemas,
};
