import { describe, expect, it } from 'vitest';
import { auditFileName, auditQuery, auditRows, hallLocalToIso, isoToHallLocal } from './audit.ts';

describe('audit helpers', () => {
  it('reads the time range in the hall\'s zone (UTC+8)', () => {
    expect(hallLocalToIso('2026-09-14T14:00')).toBe('2026-09-14T06:00:00.000Z');
    expect(hallLocalToIso('nonsense')).toBeNull();
    expect(isoToHallLocal(Date.UTC(2026, 8, 14, 6, 0))).toBe('2026-09-14T14:00');
  });

  it('builds the query with only the filters given', () => {
    expect(auditQuery({ from: '', to: '', actor: '  ', family: '', outcome: '' })).toBe('/api/v1/audit?limit=500');
    const q = new URLSearchParams(auditQuery({ from: '2026-09-14T14:00', to: '2026-09-14T15:00', actor: '王指挥', family: 'post.', outcome: 'refused' }, 'csv').split('?')[1]);
    expect(Object.fromEntries(q)).toEqual({
      from: '2026-09-14T06:00:00.000Z', to: '2026-09-14T07:00:00.000Z', actor: '王指挥', action: 'post.', outcome: 'refused', limit: '500', format: 'csv',
    });
  });

  it('shows rows in the hall\'s time with the actor\'s role and the outcome in words', () => {
    const rows = auditRows([{ id: 1, at: '2026-09-14T06:00:05.000Z', actorId: 'u', actorName: '王指挥', actorRole: 'commander', action: 'post.order', target: 'FP-1', outcome: 'ok', reason: '按预案', seq: 3, details: {} }],
      'zh-CN', (r) => (r === 'commander' ? '指挥长' : r), (o) => (o === 'ok' ? '成功' : o));
    expect(rows[0]).toMatchObject({ actor: '王指挥（指挥长）', outcome: '成功', outcomeTone: 'ok' });
    expect(rows[0]!.at).toContain('14:00:05');
    expect(auditFileName(Date.UTC(2026, 8, 14, 6, 5))).toBe('beacon-audit-20260914-1405.csv');
  });
});
