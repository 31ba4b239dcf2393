import type { PostClockPhase } from '@beacon/shared';
import { palette } from '../../charts/theme.ts';

/**
 * Colours of a post by phase. Overdue is a red block with white text (and the word "已超时" on it,
 * so it does not rest on colour alone); each pair keeps ≥ 4.5:1 (forwardPostsStyle.test.ts).
 */
export const phaseColours: Record<PostClockPhase, { background: string; text: string; accent: string }> = {
  running: { background: palette.panel, text: palette.text, accent: palette.accent },
  linked: { background: palette.panel, text: palette.text, accent: palette.live },
  overdue: { background: '#a11a1f', text: '#ffffff', accent: '#ffffff' },
  'linked-late': { background: palette.panel, text: palette.text, accent: palette.warnLate },
};
