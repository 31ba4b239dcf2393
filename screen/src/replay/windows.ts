import type { KeyMoment, LiveState, ReplayWindow } from '@beacon/shared';
import { latestIn } from '@beacon/shared';

export type { ReplayWindow };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Xiamen keeps UTC+8 all year (no daylight saving), so Shanghai wall time is a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * HOUR;
/** The server refuses longer windows (server/src/replay/replay-requests.ts). */
export const MAX_WINDOW_MS = 14 * 24 * HOUR;
/** An incident's window: its first and last record, with this much either side. */
export const INCIDENT_PADDING_MS = 30 * MINUTE;

export const PRESETS = [
  { id: '1h', ms: HOUR },
  { id: '6h', ms: 6 * HOUR },
  { id: '24h', ms: 24 * HOUR },
  { id: '3d', ms: 72 * HOUR },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];
export const DEFAULT_PRESET: PresetId = '6h';

/**
 * The last `preset` up to now, on whole minutes so the window reads cleanly. The end rounds UP: "the
 * last 6 hours" must include what arrived a few seconds ago.
 */
export function presetWindow(preset: PresetId, now: number): ReplayWindow {
  const ms = PRESETS.find((p) => p.id === preset)!.ms;
  const to = Math.ceil(now / MINUTE) * MINUTE;
  return { from: to - ms, to };
}

export function defaultWindow(now: number): ReplayWindow {
  return presetWindow(DEFAULT_PRESET, now);
}

/**
 * The first second of a window at which the log holds anything, or null when it holds nothing by
 * the window's end. `seqAt(t)` is the log sequence the wall had at replay time t (0: nothing yet).
 * Replay runs on receive time, so this asks the log rather than the records' observation times (a
 * backfilled history is observed long before it is received). A log that already holds data at the
 * window's start answers in one question; otherwise a binary search over seconds (about 16 for 6 h).
 */
export async function firstSecondWithData(w: ReplayWindow, seqAt: (t: number) => Promise<number>): Promise<number | null> {
  if ((await seqAt(w.from)) > 0) return w.from;
  let lo = Math.floor(w.from / SECOND); // nothing by this second
  let hi = Math.ceil(w.to / SECOND);
  if ((await seqAt(hi * SECOND)) === 0) return null;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await seqAt(mid * SECOND)) > 0) hi = mid;
    else lo = mid;
  }
  return hi * SECOND;
}

/**
 * A default window that starts where the data does, so a first look at replay opens on a wall with
 * something on it rather than hours of empty screen (data that began in the window's last seconds
 * gets a minute's window from there). A window that already starts with data, or a log with none,
 * is left as it is.
 */
export function startWithData(w: ReplayWindow, start: number | null): ReplayWindow {
  if (start === null || start <= w.from) return w;
  return { from: start, to: Math.max(w.to, start + MINUTE) };
}

/** The preset a window is, if it ends at `now` (to the minute). */
export function presetOf(w: ReplayWindow, now: number): PresetId | null {
  for (const p of PRESETS) {
    const candidate = presetWindow(p.id, now);
    if (candidate.from === w.from && candidate.to === w.to) return p.id;
  }
  return null;
}

export type WindowProblem = 'invalid' | 'order' | 'tooLong';

export function checkWindow(w: { from: number | null; to: number | null }): WindowProblem | null {
  if (w.from === null || w.to === null || !Number.isFinite(w.from) || !Number.isFinite(w.to)) return 'invalid';
  if (w.to <= w.from) return 'order';
  if (w.to - w.from > MAX_WINDOW_MS) return 'tooLong';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-09-14 14:30" in Shanghai time whatever the browser's zone. A text field, not datetime-local:
 * that one shows the browser's locale (12-hour "AM/PM" on many kiosks) and its own zone.
 */
export function toShanghaiInput(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Reads "YYYY-MM-DD HH:mm[:ss]" (or with a "T") as Shanghai time; null when incomplete or impossible. */
export function fromShanghaiInput(value: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - SHANGHAI_OFFSET_MS;
  // Date.UTC rolls 30 February over into March: refuse what does not come back as written.
  const back = new Date(t + SHANGHAI_OFFSET_MS);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 ? t : null;
}

/** A window given in the URL (`?from=…&to=…`, RFC 3339), else null. Lets a reviewer share a link. */
export function windowFromSearch(search: string): ReplayWindow | null {
  const q = new URLSearchParams(search);
  const from = Date.parse(q.get('from') ?? '');
  const to = Date.parse(q.get('to') ?? '');
  return checkWindow({ from, to }) === null ? { from, to } : null;
}

export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** The printable (HTML) and spreadsheet (CSV) after-action timeline of a window, on the same origin. */
export function exportLinks(w: ReplayWindow): { html: string; csv: string } {
  const base = `/api/v1/replay/timeline?from=${encodeURIComponent(iso(w.from))}&to=${encodeURIComponent(iso(w.to))}`;
  return { html: `${base}&format=html`, csv: `${base}&format=csv` };
}

export interface IncidentWindow {
  id: string;
  title: string;
  status: 'open' | 'handling' | 'closed';
  /** First and last record time known for the incident. */
  first: number;
  last: number;
  /** The replay window for it: first − 30 min to last + 30 min. */
  window: ReplayWindow;
}

const INCIDENT = 'incident';

function stripPrefix(title: string): string {
  // Key-moment titles read "突发事件：…" / "Incident opened: …": the list wants the incident's own title.
  const i = title.search(/[：:]/);
  return i >= 0 ? title.slice(i + 1).trim() : title;
}

/**
 * Incidents known from a state (their newest record) and from key moments (when each was opened and
 * closed), each with the window that covers its first to last record ± 30 min. Newest first.
 */
export function incidentWindows(state: LiveState, moments: readonly KeyMoment[], paddingMs = INCIDENT_PADDING_MS): IncidentWindow[] {
  const byId = new Map<string, { title: string; status: IncidentWindow['status']; first: number; last: number }>();
  const touch = (id: string, t: number, title: string | null, status: IncidentWindow['status'] | null) => {
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, { title: title ?? id, status: status ?? 'open', first: t, last: t });
      return;
    }
    seen.first = Math.min(seen.first, t);
    if (t >= seen.last) {
      seen.last = t;
      if (status) seen.status = status;
    }
    if (title && seen.title === id) seen.title = title;
  };
  for (const m of moments) {
    if (m.category !== INCIDENT) continue;
    touch(m.entityId, m.at, stripPrefix(m.title.zh), m.kind === 'incident-closed' ? 'closed' : null);
  }
  for (const [id, record] of Object.entries(latestIn(state, INCIDENT))) {
    const status = record.data.status;
    const title = typeof record.data.title === 'string' ? record.data.title : null;
    touch(id, record.observedAt, null, status === 'open' || status === 'handling' || status === 'closed' ? status : null);
    // The record's own title beats one parsed from a moment.
    if (title) byId.get(id)!.title = title;
  }
  return [...byId.entries()]
    .map(([id, v]) => ({ id, ...v, window: { from: v.first - paddingMs, to: v.last + paddingMs } }))
    .sort((a, b) => b.first - a.first || a.id.localeCompare(b.id));
}
