import { riverton } from './riverton/index.ts';
import type { Region } from './types.ts';
import { xiamen } from './xiamen/index.ts';

/** Every region Beacon can start on, by id: another city is another folder added here. */
export const regions: ReadonlyMap<string, Region> = new Map([xiamen, riverton].map((r) => [r.id, r]));

/** The one place the default city is chosen: a server or screen given no region starts on this one. */
export const DEFAULT_REGION_ID = 'xiamen';

/** The region with this id; an unknown id is a configuration error, said with the ids there are. */
export function regionById(id: string): Region {
  const region = regions.get(id);
  if (!region) throw new Error(`no region "${id}": one of ${[...regions.keys()].join(', ')}`);
  return region;
}
