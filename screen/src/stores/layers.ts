import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { allLayersVisible, LAYER_IDS, parseLayersQuery, type LayerId } from '../panels/OneMap/layers.ts';

/**
 * Which one-map layers are shown. The wall has no controls of its own: the console will toggle these
 * for it; until then `?layers=` in the wall's URL overrides the default (everything on).
 */
export const useLayersStore = defineStore('layers', () => {
  const visible = ref<Record<LayerId, boolean>>(parseLayersQuery(location.search) ?? allLayersVisible());
  const shown = computed(() => LAYER_IDS.filter((id) => visible.value[id]));

  function setVisible(id: LayerId, on: boolean) {
    visible.value = { ...visible.value, [id]: on };
  }
  function toggle(id: LayerId) {
    setVisible(id, !visible.value[id]);
  }

  return { visible, shown, setVisible, toggle };
});
