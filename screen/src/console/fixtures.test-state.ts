// A small city for the console's unit tests: two incidents in 集美区, teams near and far, a shelter.
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import type { Actor, LiveState } from '@beacon/shared';

// 2026-09-14 06:00:00 UTC = 14:00:00 in Xiamen.
export const T0 = Date.UTC(2026, 8, 14, 6, 0, 0);
export const commander: Actor = { id: 'u-c', name: '王指挥', role: 'commander' };
export const duty: Actor = { id: 'u-d', name: '李值班', role: 'duty' };

export function consoleState(): LiveState {
  return stateOf([
    { category: 'incident', id: 'INC-1', observedAt: T0, data: { title: '灌口镇山体滑坡', kind: 'landslide', severity: 'II', status: 'open', lon: 117.99, lat: 24.6, district: '集美区', trapped: 3 } },
    { category: 'incident', id: 'INC-2', observedAt: T0 + 1000, data: { title: '杏林积水', kind: 'waterlogging', severity: 'IV', status: 'open', lon: 118.05, lat: 24.565, district: '集美区' } },
    { category: 'incident', id: 'INC-3', observedAt: T0, data: { title: '已办结', kind: 'other', severity: 'IV', status: 'closed', lon: 118.1, lat: 24.47, district: '思明区' } },
    { category: 'rescue-team', id: 'T-NEAR', observedAt: T0, data: { name: '灌口突击队', tier: 'village', members: 12, status: 'standby', lon: 117.995, lat: 24.601, district: '集美区' } },
    { category: 'rescue-team', id: 'T-FAR', observedAt: T0, data: { name: '思明综合救援大队', tier: 'comprehensive', members: 40, status: 'standby', lon: 118.1, lat: 24.47, district: '思明区' } },
    { category: 'rescue-team', id: 'T-BUSY', observedAt: T0, data: { name: '杏林专业队', tier: 'professional', members: 20, status: 'on-site', incidentId: 'INC-2', lon: 118.05, lat: 24.565, district: '集美区' } },
    { category: 'shelter', id: 'S-1', observedAt: T0, data: { name: '灌口中学避灾点', lon: 117.99, lat: 24.605, district: '集美区', capacity: 300, occupancy: 120, status: 'open' } },
  ]);
}
