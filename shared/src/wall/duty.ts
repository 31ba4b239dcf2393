import type { LiveState } from '../state/live-state.ts';
import { latestOf } from '../state/selectors.ts';

export type DutyRole = 'leader' | 'chief' | 'officer';
const roleOrder: Record<DutyRole, number> = { leader: 0, chief: 1, officer: 2 };

export interface DutyEntry {
  dutyId: string;
  unit: string;
  role: DutyRole;
  personName: string;
  phone: string | null;
  shiftStart: number;
  shiftEnd: number;
}

/**
 * Who is on duty at `now`: shifts that have started and not ended, leader first, then by unit so
 * the city bureau's own people head the list. A roster with nobody on shift at `now` gives [].
 */
export function currentDuty(state: LiveState, now: number, ownUnit = '厦门市应急管理局'): DutyEntry[] {
  const out: DutyEntry[] = [];
  for (const r of latestOf(state, 'duty-roster')) {
    const d = r.data;
    const start = typeof d.shiftStart === 'string' ? Date.parse(d.shiftStart) : NaN;
    const end = typeof d.shiftEnd === 'string' ? Date.parse(d.shiftEnd) : NaN;
    if (!(start <= now && now < end)) continue;
    if (typeof d.personName !== 'string' || !Object.hasOwn(roleOrder, String(d.role))) continue;
    out.push({
      dutyId: r.entityId,
      unit: typeof d.unit === 'string' ? d.unit : '',
      role: d.role as DutyRole,
      personName: d.personName,
      phone: typeof d.phone === 'string' ? d.phone : null,
      shiftStart: start,
      shiftEnd: end,
    });
  }
  const own = (u: string) => (u === ownUnit ? 0 : 1);
  return out.sort((a, b) => own(a.unit) - own(b.unit) || a.unit.localeCompare(b.unit) || roleOrder[a.role] - roleOrder[b.role] || a.dutyId.localeCompare(b.dutyId));
}
