import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * What the wall is focused on. Null means "follow the data" (the wettest station); later the
 * console sets this for the wall.
 */
export const useFocusStore = defineStore('focus', () => {
  const stationId = ref<string | null>(null);

  function selectStation(id: string | null) {
    stationId.value = id;
  }

  return { stationId, selectStation };
});
