import type { FeedStatus } from '@beacon/shared';
import { palette } from '../../charts/theme.ts';

/** One colour per feed status, the same on a department tile and on a category's badge. */
export const feedColour: Readonly<Record<FeedStatus, string>> = {
  live: palette.live,
  late: palette.warnLate,
  silent: palette.warnSilent,
  never: palette.noData,
};
