import { describe, expect, it } from 'vitest';
import type { Typhoon } from '@beacon/shared';
import { LABEL_EDGE_MARGIN, type LabelLayoutParams, type LabelPlacement } from './labelInside.ts';
import { typhoonMarkers } from './typhoonSeries.ts';

const storm = { id: 'TY-2614', name: '杜鹃', lon: 118.4, lat: 24.4, forecast: [{ at: '2026-09-14T12:00:00Z', lon: 118.3, lat: 24.5 }] } as unknown as Typhoon;

describe('typhoon markers', () => {
  it("keep the storm's name whole inside the chart when the storm stands at its right edge", () => {
    const chart = { width: 1600, height: 1100 };
    const series = typhoonMarkers(storm, false, storm.name, chart) as { labelLayout?: (p: LabelLayoutParams) => LabelPlacement };
    expect(typeof series.labelLayout).toBe('function');
    const label = { x: 0, y: 0, width: 120, height: 50 };
    const place = series.labelLayout!({ rect: { x: 1560, y: 500, width: 56, height: 56 }, labelRect: label });
    expect(place.x + label.width / 2).toBeLessThanOrEqual(chart.width - LABEL_EDGE_MARGIN);
    expect(place.x - label.width / 2).toBeGreaterThanOrEqual(LABEL_EDGE_MARGIN);
  });

  it('without a chart size, leave the label where ECharts puts it (right of the centre)', () => {
    const series = typhoonMarkers(storm, false, storm.name) as { labelLayout?: unknown; data: { label: { position?: string } }[] };
    expect(series.labelLayout).toBeUndefined();
    expect(series.data.at(-1)!.label.position).toBe('right');
  });
});
