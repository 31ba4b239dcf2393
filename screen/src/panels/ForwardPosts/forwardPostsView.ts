import {
  formatClock, POST_DEADLINE_MS, postClock, postMilestones,
  type CommandState, type CommsLink, type ForwardPost, type LiveState, type PostClockPhase, type PostMilestone, type Region,
} from '@beacon/shared';
import { latestRecord, own } from '@beacon/shared';
import { formatTime, localName, messages } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/messages.ts';
import { forwardPostsMessages } from './forwardPostsMessages.ts';

export interface MilestoneRow {
  id: PostMilestone;
  label: string;
  done: boolean;
  /** HH:mm:ss in the hall's time zone, or null while pending. */
  time: string | null;
  by: string | null;
  link: CommsLink | null;
  /** One line: "14:12:03 王某 · 卫星", or "未完成". */
  text: string;
}

export interface ForwardPostRow {
  postId: string;
  incidentId: string;
  incidentTitle: string;
  district: string;
  /** "29:59", "00:00", "-01:05"; frozen once comms are linked. */
  clock: string;
  remainingMs: number;
  phase: PostClockPhase;
  /** Said in words as well as in colour. */
  phaseLabel: string;
  clockLabel: string;
  /** Past the deadline without a link: red on every screen. */
  overdue: boolean;
  ordered: string;
  milestones: MilestoneRow[];
  /** The first milestone not yet marked, in the usual order (what the console offers next). */
  next: PostMilestone | null;
}

export interface ForwardPostsView {
  title: string;
  empty: string;
  rows: ForwardPostRow[];
  /** Any post overdue now (a wall may want to raise it). */
  anyOverdue: boolean;
  /**
   * The panel's data age: since the command log last changed (posts are made of commands), so an
   * empty panel says how current its "no post" is; before any command, says there is none yet.
   */
  ageText: string;
}

/** When the command slice last changed: its newest stamp (an order, a milestone, a focus, a dispatch …). */
export function lastCommandAt(c: CommandState): number | null {
  const ats: number[] = [];
  for (const p of Object.values(c.posts)) {
    ats.push(p.ordered.at);
    for (const m of Object.values(p.milestones)) if (m) ats.push(m.at);
  }
  for (const d of Object.values(c.dispatches)) ats.push(d.at);
  for (const a of Object.values(c.acknowledged)) ats.push(a.at);
  for (const s of [c.response.since, c.wallFocus, c.wallLayers, c.wallReplay?.started]) if (s) ats.push(s.at);
  return ats.length ? Math.max(...ats) : null;
}

/**
 * The forward posts and their 30-minute clocks at `now` (the server-corrected clock, so every screen
 * shows the same second). Posts still running or overdue first, the nearest deadline first; linked
 * posts after them, newest order first.
 */
export function forwardPostsView(state: LiveState, now: number, locale: Locale, region: Region): ForwardPostsView {
  const m = forwardPostsMessages[locale];
  const rows = Object.values(state.command.posts).map((post) => postRow(post, state, now, locale, region));
  const open = (r: ForwardPostRow) => r.phase === 'running' || r.phase === 'overdue';
  const deadline = (r: ForwardPostRow) => own(state.command.posts, r.postId)!.deadline;
  rows.sort((a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    return open(a) ? deadline(a) - deadline(b) || a.postId.localeCompare(b.postId) : deadline(b) - deadline(a) || a.postId.localeCompare(b.postId);
  });
  const t = messages[locale];
  const last = lastCommandAt(state.command);
  const ageText = last === null ? m.noCommandsYet : t.dataAge(t.age(Math.max(0, now - last)));
  return { title: m.title, empty: m.empty, rows, anyOverdue: rows.some((r) => r.overdue), ageText };
}

function postRow(post: ForwardPost, state: LiveState, now: number, locale: Locale, region: Region): ForwardPostRow {
  const m = forwardPostsMessages[locale];
  const clock = postClock(post, now);
  // A screen's clock ticks once a second and its offset is measured, not exact: just after the order it
  // may still be a moment before it. A 30-minute clock never shows more than 30:00.
  const remainingMs = Math.min(clock.remainingMs, POST_DEADLINE_MS);
  const incident = latestRecord(state, 'incident', post.incidentId)?.data;
  const district = typeof incident?.district === 'string' ? incident.district : '';
  const milestones = postMilestones.map((id): MilestoneRow => {
    const stamp = post.milestones[id];
    if (!stamp) return { id, label: m.milestone[id], done: false, time: null, by: null, link: null, text: m.pending };
    const time = formatTime(stamp.at);
    const link = stamp.link ?? null;
    return { id, label: m.milestone[id], done: true, time, by: stamp.by.name, link, text: [`${time} ${stamp.by.name}`, link ? m.link[link] : null].filter(Boolean).join(' · ') };
  });
  return {
    postId: post.postId,
    incidentId: post.incidentId,
    incidentTitle: typeof incident?.title === 'string' ? incident.title : post.incidentId,
    district: localName(own(region.districtNames, district), locale, district),
    clock: formatClock(remainingMs),
    remainingMs,
    phase: clock.phase,
    phaseLabel: m.phase[clock.phase],
    clockLabel: m.clockLabel[clock.phase],
    overdue: clock.phase === 'overdue',
    ordered: m.ordered(formatTime(post.ordered.at), post.ordered.by.name),
    milestones,
    next: milestones.find((r) => !r.done)?.id ?? null,
  };
}
