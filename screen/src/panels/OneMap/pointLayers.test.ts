import { describe, expect, it } from 'vitest';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { teamStatusColour } from './mapStyle.ts';
import { teamPoints } from './pointLayers.ts';

const T0 = Date.parse('2026-09-14T08:00:00+08:00');

describe('teamPoints', () => {
  const s = stateOf([{ category: 'rescue-team', id: 'A', data: { name: '思明队', status: 'standby', lon: 118.1, lat: 24.48 }, observedAt: T0 }]);

  it('colours a team by its reported status', () => {
    expect(teamPoints(s)[0]).toMatchObject({ colour: teamStatusColour.standby, size: 34 });
  });

  it('shows a team dispatched by command as dispatched before its terminal says so', () => {
    const dispatched = { ...s, command: { ...s.command, dispatches: { A: { at: T0 + 60_000, by: { id: 'u', name: '王指挥', role: 'commander' as const }, commandId: 'c1', incidentId: 'INC-1' } } } };
    expect(teamPoints(dispatched)[0]).toMatchObject({ colour: teamStatusColour.dispatched, size: 44 });
  });
});
