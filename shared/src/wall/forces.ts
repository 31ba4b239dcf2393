import type { LiveState } from '../state/live-state.ts';
import { teamStatus } from '../commands/forces.ts';
import { latestOf } from '../state/selectors.ts';

export const TEAM_STATUSES = ['standby', 'dispatched', 'on-site', 'returning', 'resting'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export interface TeamCount {
  status: TeamStatus;
  teams: number;
  members: number;
}

/**
 * Teams and people per status, in the fixed order the wall shows them (a team dispatched by command
 * counts as dispatched, as everywhere else: teamStatus). Unknown statuses are left out.
 */
export function teamsByStatus(state: LiveState): TeamCount[] {
  const rows = new Map<TeamStatus, TeamCount>(TEAM_STATUSES.map((s) => [s, { status: s, teams: 0, members: 0 }]));
  for (const r of latestOf(state, 'rescue-team')) {
    const row = rows.get(teamStatus(state, r.entityId) as TeamStatus);
    if (!row) continue;
    row.teams += 1;
    row.members += typeof r.data.members === 'number' ? r.data.members : 0;
  }
  return [...rows.values()];
}

export interface StockTotal {
  item: string;
  quantity: number;
  unit: string;
  depots: number;
}

/**
 * Stock per item summed over all depots, in the order given (the hall's flood-fighting kit first);
 * items not listed follow, largest first.
 */
export function stockTotals(state: LiveState, order: readonly string[] = []): StockTotal[] {
  const byItem = new Map<string, StockTotal>();
  for (const r of latestOf(state, 'depot-stock')) {
    const { item, quantity, unit } = r.data;
    if (typeof item !== 'string' || typeof quantity !== 'number') continue;
    const row = byItem.get(item) ?? { item, quantity: 0, unit: typeof unit === 'string' ? unit : '', depots: 0 };
    row.quantity += quantity;
    row.depots += 1;
    byItem.set(item, row);
  }
  const rank = (item: string) => {
    const i = order.indexOf(item);
    return i === -1 ? order.length : i;
  };
  return [...byItem.values()].sort((a, b) => rank(a.item) - rank(b.item) || b.quantity - a.quantity || a.item.localeCompare(b.item));
}

export interface ShelterTotals {
  shelters: number;
  open: number;
  occupancy: number;
  capacity: number;
  /** Shelters holding more people than their capacity. */
  overCapacity: number;
}

export function shelterTotals(state: LiveState): ShelterTotals {
  const t: ShelterTotals = { shelters: 0, open: 0, occupancy: 0, capacity: 0, overCapacity: 0 };
  for (const r of latestOf(state, 'shelter')) {
    const { status, occupancy, capacity } = r.data;
    if (status === 'closed') continue;
    t.shelters += 1;
    if (status === 'open') t.open += 1;
    if (typeof occupancy === 'number') t.occupancy += occupancy;
    if (typeof capacity === 'number') t.capacity += capacity;
    if (typeof occupancy === 'number' && typeof capacity === 'number' && occupancy > capacity) t.overCapacity += 1;
  }
  return t;
}
