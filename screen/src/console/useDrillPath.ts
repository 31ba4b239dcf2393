import { onScopeDispose, ref } from 'vue';
import type { Region, ViewRef } from '@beacon/shared';
import { parseViewParam, searchWithView } from './drill.ts';

export type ConsoleTab = 'situation' | 'audit' | 'admin';

/** The tab in the URL; whether the signed-in role may see it is the view's call (the admin tab is the admin's). */
const readTab = (search: string): ConsoleTab => {
  const tab = new URLSearchParams(search).get('tab');
  return tab === 'audit' || tab === 'admin' ? tab : 'situation';
};

/**
 * Where the console is (view and tab), kept in the URL: each drill pushes a history entry, so the
 * browser's back button walks back up the drill path.
 */
export function useDrillPath(region: Region) {
  const view = ref<ViewRef>(parseViewParam(new URLSearchParams(location.search).get('view'), region));
  const tab = ref<ConsoleTab>(readTab(location.search));

  const push = (search: string) => history.pushState(null, '', `${location.pathname}${search}${location.hash}`);

  function go(next: ViewRef) {
    view.value = next;
    tab.value = 'situation';
    const q = new URLSearchParams(searchWithView(location.search, next));
    q.delete('tab');
    const s = q.toString();
    push(s ? `?${s}` : '');
  }

  function setTab(next: ConsoleTab) {
    tab.value = next;
    const q = new URLSearchParams(location.search);
    if (next !== 'situation') q.set('tab', next);
    else q.delete('tab');
    const s = q.toString();
    push(s ? `?${s}` : '');
  }

  const onPop = () => {
    view.value = parseViewParam(new URLSearchParams(location.search).get('view'), region);
    tab.value = readTab(location.search);
  };
  window.addEventListener('popstate', onPop);
  onScopeDispose(() => window.removeEventListener('popstate', onPop));

  return { view, tab, go, setTab };
}
