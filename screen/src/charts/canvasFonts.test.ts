import { describe, expect, it } from 'vitest';
import { xiamen } from '@beacon/shared';
import { messages } from '../i18n/messages.ts';
import { rainState, T0 } from '../testing/rain-state.ts';
import { rainTrendOptions, rainTrendView } from '../panels/RainTrend/rainTrendOptions.ts';
import { fontSizesIn } from './fontSizes.ts';
import { fontPx } from './theme.ts';

// The one-map's own check is in panels/OneMap/oneMapOptions.test.ts; these are the other charts on /wall and /replay.
describe('canvas text on the wall is at least 28 px at native size', () => {
  const state = rainState([{ stationId: 'SM01', mm: 62, at: T0 }, { stationId: 'SM01', mm: 20, at: T0 - 3600_000 }]);

  it.each(['zh-CN', 'en'] as const)('rain trend (%s)', (locale) => {
    const view = rainTrendView({ state, region: xiamen, stationId: 'SM01', now: T0, locale, t: messages[locale], feed: 'live' });
    const sizes = fontSizesIn(rainTrendOptions(view));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(fontPx.min);
  });

  it('finds a size hidden deep in an option', () => {
    expect(fontSizesIn({ a: [{ b: { label: { fontSize: 12 } } }], fontSize: 40 })).toEqual([12, 40]);
  });
});
