import { describe, expect, it } from 'vitest';
import { chartUpdate } from './chartUpdate.ts';
import type { WallChartOption } from './options.ts';

const geo = { map: 'xiamen', top: 48 };
const a = { id: 'a', type: 'scatter' as const, data: [[1, 2]] };
const b = { id: 'b', type: 'scatter' as const, data: [[3, 4]] };
const c = { id: 'c', type: 'scatter' as const, data: [[5, 6]] };
const option = (series: object[], over: Record<string, unknown> = {}) => ({ animation: false, geo, series, ...over }) as WallChartOption;

describe('chartUpdate', () => {
  it('sets the first option whole', () => {
    const first = option([a, b]);
    expect(chartUpdate(null, first)).toEqual({ option: first, opts: { notMerge: true } });
  });

  it('sends nothing when every part is the same object', () => {
    expect(chartUpdate(option([a, b]), option([a, b]))).toBeNull();
  });

  it('sends only the series that changed, by id, in a plain merge', () => {
    const b2 = { ...b, data: [[7, 8]] };
    const update = chartUpdate(option([a, b, c]), option([a, b2, c]));
    expect(update).toEqual({ option: { series: [b2] }, opts: {} });
    expect((update!.option.series as object[])[0]).toBe(b2);
  });

  it('replaces the series list when a series goes, so it leaves the chart', () => {
    const update = chartUpdate(option([a, b, c]), option([a, c]));
    expect(update).toEqual({ option: { series: [a, c] }, opts: { replaceMerge: ['series'] } });
  });

  it('replaces the series list when one comes or the order changes', () => {
    expect(chartUpdate(option([a]), option([a, b]))?.opts).toEqual({ replaceMerge: ['series'] });
    expect(chartUpdate(option([a, b]), option([b, a]))?.opts).toEqual({ replaceMerge: ['series'] });
  });

  it('replaces a changed geo (a zoom that no longer applies must not linger), without resending the series', () => {
    const zoomed = { ...geo, center: [118, 24.5], zoom: 4 };
    const update = chartUpdate(option([a, b], { geo: zoomed }), option([a, b]));
    expect(update).toEqual({ option: { geo }, opts: { replaceMerge: ['geo'] } });
  });

  it('sends other changed components as they are (the trend chart\'s moving time axis)', () => {
    const update = chartUpdate(option([a], { xAxis: { min: 0 } }), option([a], { xAxis: { min: 1000 } }));
    expect(update).toEqual({ option: { xAxis: { min: 1000 } }, opts: {} });
  });

  it('starts over when a component the chart has is gone from the next option', () => {
    const next = option([a]);
    expect(chartUpdate(option([a], { grid: { left: 10 } }), next)).toEqual({ option: next, opts: { notMerge: true } });
  });
});
