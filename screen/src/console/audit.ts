import type { AuditEntry } from '@beacon/shared';
import type { Locale } from '../i18n/index.ts';

export interface AuditFilters {
  /** datetime-local values ("2026-09-14T14:00"), read in the hall's time zone (UTC+8). */
  from: string;
  to: string;
  actor: string;
  /** An action family with its trailing dot ("post."), or "" for all. */
  family: string;
  outcome: '' | 'ok' | 'refused' | 'failed';
}

export const auditFamilies = ['', 'response.', 'post.', 'team.', 'incident.', 'wall.', 'auth.', 'admin.'] as const;
export const auditOutcomes = ['', 'ok', 'refused', 'failed'] as const;

/** "2026-09-14T14:00" in Xiamen (UTC+8, no daylight saving) as RFC 3339. */
export function hallLocalToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Date.UTC(+y!, +mo! - 1, +d!, +h! - 8, +mi!, s ? +s : 0)).toISOString();
}

/** An epoch as a datetime-local value in Xiamen. */
export function isoToHallLocal(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 16);
}

/** The query of GET /api/v1/audit for the filters (empty ones left out). */
export function auditQuery(f: AuditFilters, format: 'json' | 'csv' = 'json', limit = 500): string {
  const q = new URLSearchParams();
  const from = f.from ? hallLocalToIso(f.from) : null;
  const to = f.to ? hallLocalToIso(f.to) : null;
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (f.actor.trim()) q.set('actor', f.actor.trim());
  if (f.family) q.set('action', f.family);
  if (f.outcome) q.set('outcome', f.outcome);
  q.set('limit', String(limit));
  if (format === 'csv') q.set('format', 'csv');
  return `/api/v1/audit?${q.toString()}`;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  outcome: string;
  outcomeTone: 'ok' | 'refused' | 'failed';
  reason: string;
}

/** Table rows: time as "MM-DD HH:mm:ss" in the hall's zone, actor with role, outcome in words. */
export function auditRows(entries: readonly AuditEntry[], locale: Locale, roleName: (role: string) => string, outcomeName: (o: string) => string): AuditRow[] {
  const fmt = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return entries.map((e) => ({
    id: e.id,
    at: fmt.format(new Date(e.at)),
    actor: locale === 'en' ? `${e.actorName} (${roleName(e.actorRole)})` : `${e.actorName}（${roleName(e.actorRole)}）`,
    action: e.action,
    target: e.target,
    outcome: outcomeName(e.outcome),
    outcomeTone: e.outcome === 'ok' || e.outcome === 'refused' ? e.outcome : 'failed',
    reason: e.reason,
  }));
}

/** The file name of an export, e.g. "beacon-audit-20260914-1405.csv". */
export function auditFileName(now: number): string {
  const s = isoToHallLocal(now).replace(/[-:]/g, '').replace('T', '-');
  return `beacon-audit-${s}.csv`;
}
