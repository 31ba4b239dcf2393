import { describe, expect, it } from 'vitest';
import { emptyLiveState, xiamen } from '@beacon/shared';
import { focusLabel } from './focus-label.ts';

describe('focus label', () => {
  it('names districts in the screen language, incidents by title, and the city not at all', () => {
    const s = emptyLiveState();
    expect(focusLabel({ kind: 'city' }, s, xiamen, 'zh-CN')).toBeNull();
    expect(focusLabel({ kind: 'district', district: '集美区' }, s, xiamen, 'zh-CN')).toBe('集美区');
    expect(focusLabel({ kind: 'district', district: '集美区' }, s, xiamen, 'en')).toBe(xiamen.districtNames['集美区']!.en);
    const withIncident = { ...s, latest: { incident: { I1: { entityId: 'I1', observedAt: 0, version: 1, seq: 1, data: { title: '灌口镇山体滑坡' } } } } };
    expect(focusLabel({ kind: 'incident', incidentId: 'I1' }, withIncident, xiamen, 'zh-CN')).toBe('灌口镇山体滑坡');
    expect(focusLabel({ kind: 'incident', incidentId: 'I9' }, withIncident, xiamen, 'zh-CN')).toBe('I9');
  });
});
