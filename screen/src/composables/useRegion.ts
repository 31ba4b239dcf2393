import { inject, type InjectionKey } from 'vue';
import type { Region } from '@beacon/shared';

/**
 * The city the screens show, provided once at the app root (main.ts) with the region the server runs
 * on: components and composables ask for it here and none imports a city.
 */
export const REGION: InjectionKey<Region> = Symbol('region');

export function useRegion(): Region {
  const region = inject(REGION);
  if (!region) throw new Error('no region provided: main.ts provides it at the app root');
  return region;
}
