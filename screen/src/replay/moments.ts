import { departments, isDepartmentId, type Grade, type KeyMoment, type LiveState } from '@beacon/shared';
import { latestRecord } from '@beacon/shared';
import { gradeColour, palette } from '../charts/theme.ts';
import type { Locale } from '../i18n/index.ts';

export type WarningLevel = Exclude<Grade, 'none'>;
const LEVELS: readonly WarningLevel[] = ['blue', 'yellow', 'orange', 'red'];
const isLevel = (v: unknown): v is WarningLevel => typeof v === 'string' && (LEVELS as readonly string[]).includes(v);

export const isIncidentMoment = (m: KeyMoment): boolean => m.kind === 'incident-opened' || m.kind === 'incident-closed';
/** Moments made by commands in the hall: the response level, forward posts, the wall's focus. */
export const isCommandMoment = (m: KeyMoment): boolean => m.department === 'command';

/** The response level's colour: I red … IV blue, as the national plan colours them. */
const responseColour: Record<string, WarningLevel> = { I: 'red', II: 'orange', III: 'yellow', IV: 'blue' };

function commandColour(m: KeyMoment): string {
  if (m.kind === 'response-changed') return m.level && responseColour[m.level] ? gradeColour[responseColour[m.level]!] : palette.textMuted;
  if (m.kind === 'post-overdue') return palette.warnSilent;
  if (m.kind === 'wall-focus') return palette.textMuted;
  return palette.accent;
}

/**
 * The colour level of a warning moment. KeyMoment carries no level field (yet): take one if the server
 * sends it, else the level its English title names ("orange warning issued: …", "Warning now red: …"),
 * else the level of the warning's record in `state`. Null for incidents and when nothing says.
 */
export function momentLevel(m: KeyMoment, state?: LiveState): WarningLevel | null {
  if (isIncidentMoment(m) || isCommandMoment(m)) return null;
  const sent = (m as KeyMoment & { level?: unknown }).level;
  if (isLevel(sent)) return sent;
  const named = /\b(blue|yellow|orange|red)\b/i.exec(m.title.en)?.[1]?.toLowerCase();
  if (isLevel(named)) return named;
  const recorded = (state ? latestRecord(state, m.category, m.entityId) : undefined)?.data.level;
  return isLevel(recorded) ? recorded : null;
}

/** Warnings in their level colour, incidents red (told apart by shape), a warning of unknown level muted. */
export function momentColour(m: KeyMoment, state?: LiveState): string {
  if (isCommandMoment(m)) return commandColour(m);
  if (isIncidentMoment(m)) return palette.warnSilent;
  const level = momentLevel(m, state);
  return level ? gradeColour[level] : palette.textMuted;
}

/** Which moment matters most when several share one marker: incidents, then the highest warning level. */
export function momentWeight(m: KeyMoment, state?: LiveState): number {
  const command: Partial<Record<KeyMoment['kind'], number>> = { 'response-changed': 12, 'post-overdue': 11, 'post-ordered': 9, 'post-milestone': 5, 'wall-focus': 2 };
  if (command[m.kind] !== undefined) return command[m.kind]!;
  if (m.kind === 'incident-opened') return 10;
  if (m.kind === 'incident-closed') return 6;
  const level = momentLevel(m, state);
  const base = level ? LEVELS.indexOf(level) + 1 : 0;
  return m.kind === 'warning-lifted' ? base / 2 : base + 1;
}

export function departmentName(id: string, locale: Locale): string {
  if (id === 'command') return locale === 'en' ? 'Command centre' : '指挥中心';
  if (!isDepartmentId(id)) return id;
  return locale === 'en' ? departments[id].en : departments[id].zh;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' });

/** HH:mm:ss in Shanghai, with MM/DD in front when the window spans more than one day. */
export function momentTime(at: number, withDay: boolean): string {
  const time = timeFormat.format(new Date(at));
  if (!withDay) return time;
  const [day, month] = dayFormat.format(new Date(at)).split('/');
  return `${month}-${day} ${time}`;
}

export interface MomentRow {
  key: string;
  at: number;
  time: string;
  title: string;
  department: string;
  kind: KeyMoment['kind'];
  colour: string;
  incident: boolean;
  /** Already happened at the replay time. */
  past: boolean;
  /** The latest moment at or before the replay time. */
  current: boolean;
}

/** The key-moment list beside the scrubber, in time order, marked against the replay time. */
export function momentRows(moments: readonly KeyMoment[], at: number, locale: Locale, state?: LiveState): MomentRow[] {
  const sorted = [...moments].sort((a, b) => a.at - b.at || a.seq - b.seq);
  const withDay = sorted.length > 0 && sorted.at(-1)!.at - sorted[0]!.at > 0 && momentTime(sorted[0]!.at, true).slice(0, 5) !== momentTime(sorted.at(-1)!.at, true).slice(0, 5);
  let currentIndex = -1;
  sorted.forEach((m, i) => {
    if (m.at <= at) currentIndex = i;
  });
  return sorted.map((m, i) => ({
    key: `${m.seq}-${m.kind}-${m.entityId}`,
    at: m.at,
    time: momentTime(m.at, withDay),
    title: locale === 'en' ? m.title.en : m.title.zh,
    department: departmentName(m.department, locale),
    kind: m.kind,
    colour: momentColour(m, state),
    incident: isIncidentMoment(m),
    past: m.at <= at,
    current: i === currentIndex,
  }));
}
