import type { ForwardPost } from './command-state.ts';

export type PostClockPhase = 'running' | 'linked' | 'overdue' | 'linked-late';

export interface PostClock {
  /** Milliseconds to the deadline (negative once past it); frozen when comms were linked. */
  remainingMs: number;
  phase: PostClockPhase;
}

/**
 * The 30-minute clock of a post at `now` (the server's clock: screens add their measured offset).
 * Linked in time → "linked" and the clock stops; past the deadline unlinked → "overdue" (red on every
 * screen at the same second, because every screen computes it from the same deadline).
 */
export function postClock(post: ForwardPost, now: number): PostClock {
  const linked = post.milestones['comms-linked'];
  if (linked) {
    return { remainingMs: post.deadline - linked.at, phase: linked.at <= post.deadline ? 'linked' : 'linked-late' };
  }
  const remainingMs = post.deadline - now;
  return { remainingMs, phase: remainingMs > 0 ? 'running' : 'overdue' };
}

/** "29:59", "00:00", "-01:05": whole seconds, rounded towards the deadline so 0 shows at the deadline. */
export function formatClock(remainingMs: number): string {
  const s = remainingMs < 0 ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const sign = remainingMs < 0 && s > 0 ? '-' : '';
  return `${sign}${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
