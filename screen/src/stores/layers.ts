import { defineStore } from 'pinia';
import { ref } from 'vue';
import { allLayersVisible, LAYER_IDS, parseLayersQuery, type LayerId } from '../panels/OneMap/layers.ts';

/**
 * Which one-map layers a screen shows. The wall has no controls: the console hides layers on it by a
 * logged command (`wall.layers`, in state); `?layers=` in a screen's URL overrides that locally (a
 * kiosk set up to show only some layers).
 */
export const useLayersStore = defineStore('layers', () => {
  const override = ref<Record<LayerId, boolean> | null>(parseLayersQuery(location.search));

  /** The layers to draw: the URL's choice, else all but those the console hid. */
  function visibleFor(hidden: readonly string[] | undefined): Record<LayerId, boolean> {
    if (override.value) return override.value;
    const visible = allLayersVisible();
    for (const id of hidden ?? []) if ((LAYER_IDS as readonly string[]).includes(id)) visible[id as LayerId] = false;
    return visible;
  }

  return { override, visibleFor };
});
