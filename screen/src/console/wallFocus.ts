import type { LiveState, Region, ViewRef } from '@beacon/shared';
import type { Locale, Messages } from '../i18n/index.ts';
import { sameView, viewLabel } from './drill.ts';
import { hms } from './levels.ts';

export interface WallFocusLine {
  /** What the wall shows, and who put it there when. */
  text: string;
  /** Whether the view the console is on is the one on the wall (shown as "on the wall now"). */
  here: boolean;
}

/**
 * What the wall shows, as the console says it. With no focus chosen the wall shows the whole city:
 * that is a view on the wall like any other, so the words must not say "not on the wall" while the
 * console marks the city "on the wall now".
 */
export function wallFocusLine(state: LiveState, view: ViewRef, region: Region, locale: Locale, t: Messages): WallFocusLine {
  const c = t.console;
  const f = state.command.wallFocus;
  if (!f) return { text: c.wallDefault, here: view.kind === 'city' };
  return { text: c.wallShows(viewLabel(f.view, state, region, locale, c.city), f.by.name, hms(f.at, locale)), here: sameView(f.view, view) };
}
