import { describe, expect, it } from 'vitest';
import { xiamen } from '@beacon/shared';
import { stateOf } from '@beacon/shared/wall/test-state.ts';
import { messages } from '../../i18n/messages.ts';
import { severityColour } from '../OneMap/mapStyle.ts';
import { incidentsView } from './incidentsView.ts';

const NOW = Date.parse('2026-09-14T08:00:00+08:00');
const MIN = 60_000;
const inc = (id: string, severity: string, status: string, minutesAgo: number, trapped?: number) => ({
  category: 'incident', id, observedAt: NOW - minutesAgo * MIN,
  data: { title: `事件${id}`, severity, status, district: '集美区', lon: 118, lat: 24.6, ...(trapped === undefined ? {} : { trapped }) },
});

describe('incidentsView', () => {
  const state = stateOf([inc('a', 'IV', 'open', 1), inc('b', 'II', 'handling', 30, 26), inc('c', 'I', 'closed', 2), inc('d', 'II', 'open', 3)]);

  it('lists open incidents, most severe then newest, with place, status and age', () => {
    const v = incidentsView(state, xiamen, NOW, 'zh-CN', messages['zh-CN']);
    expect(v.total).toBe(3);
    expect(v.rows.map((r) => r.id)).toEqual(['d', 'b', 'a']);
    expect(v.rows[1]).toMatchObject({ severityLabel: 'Ⅱ级', colour: severityColour.II, district: '集美区', status: '处置中', ageText: '30 分钟前', trapped: 26 });
    expect(v.rows[0]!.trapped).toBeNull();
  });

  it('caps the list but keeps the total', () => {
    const v = incidentsView(state, xiamen, NOW, 'en', messages.en, 1);
    expect(v.rows).toHaveLength(1);
    expect(v.total).toBe(3);
    expect(v.rows[0]!.district).toBe('Jimei');
  });
});
