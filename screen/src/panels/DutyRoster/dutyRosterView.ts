import { currentDuty, type LiveState } from '@beacon/shared';
import { formatHourMinute, type Messages } from '../../i18n/index.ts';
import { panelAge, type PanelAge } from '../staleness.ts';

export interface DutyRow {
  id: string;
  role: string;
  name: string;
  unit: string;
  phone: string;
  shift: string;
}

/** Who is on shift now, the bureau's own people first (shared currentDuty). */
export function dutyRosterView(state: LiveState, now: number, t: Messages, limit = 6): { rows: DutyRow[]; age: PanelAge } {
  const rows = currentDuty(state, now)
    .slice(0, limit)
    .map((d) => ({
      id: d.dutyId,
      role: t.wall.dutyRole[d.role],
      name: d.personName,
      unit: d.unit,
      phone: d.phone ?? '',
      shift: t.wall.shift(formatHourMinute(d.shiftStart), formatHourMinute(d.shiftEnd)),
    }));
  return { rows, age: panelAge(state, ['duty-roster'], now, t) };
}
