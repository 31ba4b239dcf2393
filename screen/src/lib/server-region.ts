import { DEFAULT_REGION_ID, regions, type Region } from '@beacon/shared';
import { api } from './api.ts';

/**
 * The region the server runs on (GET /api/v1/region), among those this build carries. Without an
 * answer (the server is restarting) the screen starts on the default region and says so in the
 * console; a region this build does not carry is a deployment error, and it says that.
 */
export async function serverRegion(): Promise<Region> {
  const fallback = regions.get(DEFAULT_REGION_ID)!;
  try {
    const { id } = await api<{ id: string }>(null, '/api/v1/region');
    const region = regions.get(id);
    if (!region) console.error(`the server runs on region "${id}", which this screen build does not carry; showing ${fallback.id}`);
    return region ?? fallback;
  } catch (error) {
    console.error(`asking the server for its region failed; showing ${fallback.id}`, error);
    return fallback;
  }
}
