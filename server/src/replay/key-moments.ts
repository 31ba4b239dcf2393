import { commandMoment } from './command-moments.ts';
import { keepsEveryTransition, latestRecord, own, type BeaconEvent, type KeyMoment, type LiveState } from '@beacon/shared';

/** Key moments come from the categories whose every transition matters: alerts and incidents. */
export const isMomentCategory = keepsEveryTransition;

const levelZh: Record<string, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

/**
 * The key moments among `events`, judged against the state just before each: a warning issued,
 * changed (level) or lifted; an incident opened or closed; the response level changed, a forward
 * post ordered or a milestone marked, the wall's focus changed. Pure.
 */
export function momentsOf(before: LiveState, events: readonly BeaconEvent[]): KeyMoment[] {
  const prev = new Map<string, Record<string, unknown>>();
  const previous = (c: string, id: string) => prev.get(`${c}/${id}`) ?? latestRecord(before, c, id)?.data;
  const out: KeyMoment[] = [];
  for (const e of events) {
    if (e.type === 'command.issued') {
      const m = commandMoment(e);
      if (m) out.push(m);
      continue;
    }
    if (e.type !== 'record.received' || !isMomentCategory(e.category)) continue;
    const was = previous(e.category, e.entityId);
    const now = e.payload;
    // The reducer could not fold it (counted in feed health): no moment either.
    if (typeof now !== 'object' || now === null || Array.isArray(now)) continue;
    prev.set(`${e.category}/${e.entityId}`, now);
    const base = { at: Date.parse(e.receivedAt), seq: e.seq, category: e.category, entityId: e.entityId, department: e.department };
    const headline = String(now.headline ?? now.title ?? e.entityId);
    if (e.category === 'incident') {
      const open = now.status !== 'closed';
      const wasOpen = was !== undefined && was.status !== 'closed';
      if (open && !wasOpen) out.push({ ...base, kind: 'incident-opened', title: { zh: `突发事件：${headline}`, en: `Incident opened: ${headline}` } });
      if (!open && wasOpen) out.push({ ...base, kind: 'incident-closed', title: { zh: `事件处置完毕：${headline}`, en: `Incident closed: ${headline}` } });
      continue;
    }
    const active = now.status === 'active';
    const wasActive = was?.status === 'active';
    const level = String(now.level);
    const withLevel = { ...base, level };
    if (active && !wasActive) out.push({ ...withLevel, kind: 'warning-issued', title: { zh: `发布${own(levelZh, level) ?? ''}预警：${headline}`, en: `${level} warning issued: ${headline}` } });
    else if (active && was?.level !== now.level) out.push({ ...withLevel, kind: 'warning-changed', title: { zh: `预警调整为${own(levelZh, level) ?? ''}：${headline}`, en: `Warning now ${level}: ${headline}` } });
    else if (!active && wasActive) out.push({ ...withLevel, kind: 'warning-lifted', title: { zh: `解除预警：${headline}`, en: `Warning lifted: ${headline}` } });
  }
  return out;
}
