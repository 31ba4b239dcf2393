import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { messages, resolveLocale, type Locale } from '../i18n/index.ts';

const STORAGE_KEY = 'beacon.locale';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // A kiosk browser may forbid storage; the URL still works.
  }
}

/** UI language: Chinese by default, `?lang=en` switches and is remembered. */
export const useLocaleStore = defineStore('locale', () => {
  const initial = resolveLocale(location.search, readStored());
  if (initial.remember) store(initial.locale);
  const locale = ref<Locale>(initial.locale);
  const t = computed(() => messages[locale.value]);

  function setLocale(next: Locale) {
    locale.value = next;
    store(next);
  }

  return { locale, t, setLocale };
});
