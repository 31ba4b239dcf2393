import { shelterTotals, stockTotals, teamsByStatus, type LiveState } from '@beacon/shared';
import { own } from '@beacon/shared';
import { formatCount, type Locale, type Messages } from '../../i18n/index.ts';
import { teamStatusColour } from '../OneMap/mapStyle.ts';
import { panelAge, type PanelAge } from '../staleness.ts';

/** Flood-fighting kit first: what a typhoon night asks for. */
export const STOCK_ORDER = ['assault-boat', 'rubber-boat', 'life-jacket', 'sandbag', 'pump', 'generator', 'tent', 'quilt'] as const;

export interface ForcesView {
  teams: { status: string; label: string; colour: string; teams: number; members: string }[];
  stock: { item: string; label: string; quantity: string; unit: string }[];
  shelters: string;
  age: PanelAge;
}

export function forcesView(state: LiveState, now: number, locale: Locale, t: Messages, stockLimit = 8): ForcesView {
  const n = (v: number) => formatCount(v, locale);
  const sh = shelterTotals(state);
  return {
    teams: teamsByStatus(state).map((r) => ({
      status: r.status,
      label: t.wall.teamStatus[r.status],
      colour: teamStatusColour[r.status]!,
      teams: r.teams,
      members: n(r.members),
    })),
    stock: stockTotals(state, STOCK_ORDER)
      .slice(0, stockLimit)
      .map((s) => ({
        item: s.item, label: own(t.wall.stockItem, s.item) ?? s.item, quantity: n(s.quantity),
        // Depots count in Chinese units (艘, 条); English has none to give: the item's name says what is counted.
        unit: locale === 'en' ? '' : s.unit,
      })),
    shelters: t.wall.sheltersLine(sh.open, n(sh.occupancy), n(sh.capacity)),
    age: panelAge(state, ['rescue-team', 'depot-stock', 'shelter'], now, t),
  };
}
