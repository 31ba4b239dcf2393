// Every category's record schema by id, gathered from the per-department files and built for one city.
import type { TSchema } from 'typebox';
import type { Region } from '../../region/types.ts';
import { placeFields, type SchemaCity } from './fields.schema.ts';
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

/** What the schemas need of a region: its name, box, district names and their codes. */
export function schemaCityOf(region: Region): SchemaCity {
  return {
    name: region.name.zh,
    bounds: region.bounds,
    districts: Object.keys(region.districtNames),
    ...(region.adminCodes ? { districtCodes: region.adminCodes.districts } : {}),
  };
}

/** The 56 record schemas for one region: its districts are the district enums, its box bounds every position. */
export function catalogSchemas(region: Region): Readonly<Record<string, TSchema>> {
  const place = placeFields(schemaCityOf(region));
  return {
    ...emergencySchemas(place),
    ...meteorologySchemas(place),
    ...waterSchemas(place),
    ...geologySchemas(place),
    ...oceanSchemas(place),
    ...policeSchemas(place),
    ...fireSchemas(place),
    ...healthSchemas(place),
    ...transportSchemas(place),
    ...constructionSchemas(place),
    ...civilAffairsSchemas(place),
    ...educationSchemas(place),
    ...municipalSchemas(place),
    ...powerSchemas(place),
    ...telecomSchemas(place),
    ...earthquakeSchemas(place),
    ...populationSchemas(place),
  };
}
