import { isCategoryLayer, MAP_LAYER_IDS, specsOfLayer, type MapLayerId } from '@beacon/shared';

/** The one-map's layers, bottom to top (shared/src/wall/map-layers.ts: commands name them too). */
export const LAYER_IDS = MAP_LAYER_IDS;
export type LayerId = MapLayerId;

/** The category each of the original layers draws: its feed going silent greys the layer. */
const ownCategory: Partial<Record<LayerId, string>> = {
  // risk has none: derived from many feeds, its staleness is that of its inputs
  population: 'population-heat',
  typhoon: 'typhoon-track',
  rain: 'rain-gauge',
  geohazard: 'geohazard-point',
  waterlogging: 'waterlogging-point',
  shelter: 'shelter',
  depot: 'supply-depot',
  team: 'rescue-team',
  incident: 'incident',
};

/** The categories a layer draws: one for the original layers, several for a category group, none for risk. */
export function layerCategories(layer: LayerId): readonly string[] {
  if (isCategoryLayer(layer)) return specsOfLayer(layer).map((s) => s.category);
  const own = ownCategory[layer];
  return own ? [own] : [];
}

export function isLayerId(v: string): v is LayerId {
  return (LAYER_IDS as readonly string[]).includes(v);
}

/**
 * `?layers=risk,incident,team` shows exactly those; `?layers=-population` hides one from the default;
 * anything unknown is ignored. Null when the URL says nothing, so the store keeps its own state.
 */
export function parseLayersQuery(search: string): Record<LayerId, boolean> | null {
  const raw = new URLSearchParams(search).get('layers');
  if (raw === null) return null;
  const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const subtractive = parts.length > 0 && parts.every((p) => p.startsWith('-'));
  const visible = Object.fromEntries(LAYER_IDS.map((id) => [id, subtractive])) as Record<LayerId, boolean>;
  for (const p of parts) {
    const id = p.replace(/^[-+]/, '');
    if (isLayerId(id)) visible[id] = !p.startsWith('-');
  }
  return visible;
}

export function allLayersVisible(): Record<LayerId, boolean> {
  return Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>;
}
