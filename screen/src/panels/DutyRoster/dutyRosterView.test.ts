import { describe, expect, it } from 'vitest';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { dutyRosterView } from './dutyRosterView.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const iso = (s: string) => new Date(Date.parse(s)).toISOString();

describe('dutyRosterView', () => {
  const state = stateOf([
    { category: 'duty-roster', id: 'L', observedAt: NOW - 3600_000, data: { unit: '厦门市应急管理局', role: 'leader', personName: '林志强', phone: '0592-2225069', shiftStart: iso('2026-09-14T00:00:00+08:00'), shiftEnd: iso('2026-09-14T12:00:00+08:00') } },
    { category: 'duty-roster', id: 'N', observedAt: NOW - 3600_000, data: { unit: '厦门市应急管理局', role: 'leader', personName: '下一班', shiftStart: iso('2026-09-14T12:00:00+08:00'), shiftEnd: iso('2026-09-15T00:00:00+08:00') } },
  ]);

  it('shows who is on shift now with role, phone and shift in hall time', () => {
    const v = dutyRosterView(state, NOW, messages['zh-CN']);
    expect(v.rows).toEqual([{ id: 'L', role: '带班领导', name: '林志强', unit: '厦门市应急管理局', phone: '0592-2225069', shift: '00:00–12:00' }]);
    expect(v.age.tone).toBe('live');
  });

  it('is empty when nobody is on shift', () => {
    expect(dutyRosterView(state, Date.parse('2026-09-16T08:00:00+08:00'), messages.en).rows).toEqual([]);
  });
});
