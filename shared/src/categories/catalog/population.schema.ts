import Type from 'typebox';
import type { TSchema } from 'typebox';
import { count, number, type PlaceFields, recordSchema } from './fields.schema.ts';

/** The most cells one grid record may carry: a 100 m grid over the whole city fits. */
export const MAX_GRID_CELLS = 100_000;

export function populationSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { bounds } = place.city;
  const PopulationHeatRecord = recordSchema('gridId', 'Grid id, one per grid the provider sends, e.g. "XM-500M".', {
    cellSizeM: number('Cell edge length, metres (50 to 5000).', 50, 5_000),
    cells: Type.Array(
      Type.Tuple(
        [
          Type.Number({ minimum: bounds.lonMin, maximum: bounds.lonMax, description: 'Longitude of the cell centre, WGS-84.' }),
          Type.Number({ minimum: bounds.latMin, maximum: bounds.latMax, description: 'Latitude of the cell centre, WGS-84.' }),
          count('People estimated in the cell now.', 1_000_000),
        ],
        { description: '[lon, lat, people]' },
      ),
      { maxItems: MAX_GRID_CELLS, description: `Cells with people, each [lon, lat, people] (cell centre, WGS-84; at most ${MAX_GRID_CELLS}). Cells left out have nobody.` },
    ),
  }, 'the provider estimated this grid');

  return {
    'population-heat': PopulationHeatRecord,
  };
}
