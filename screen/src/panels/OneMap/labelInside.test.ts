import { describe, expect, it } from 'vitest';
import { LABEL_EDGE_MARGIN, LABEL_GAP, labelInside, type LabelPlacement, type Rect } from './labelInside.ts';

const chart = { width: 1000, height: 800 };
const layout = labelInside(chart);
/** A 51×64 pin whose box starts at (x, y), and a label of 400×50. */
const pin = (x: number, y: number): Rect => ({ x, y, width: 51, height: 64 });
const label = (w = 400, h = 50, at = { x: -9999, y: -9999 }): Rect => ({ ...at, width: w, height: h });

/** The label's box as ECharts draws it from the placement (align centre; bottom or top at y). */
function box(p: LabelPlacement, w: number, h: number): Rect {
  return { x: p.x - w / 2, y: p.verticalAlign === 'bottom' ? p.y - h : p.y, width: w, height: h };
}
const inside = (r: Rect) => r.x >= LABEL_EDGE_MARGIN && r.x + r.width <= chart.width - LABEL_EDGE_MARGIN && r.y >= LABEL_EDGE_MARGIN && r.y + r.height <= chart.height - LABEL_EDGE_MARGIN;

describe('labelInside', () => {
  it('centres the label over its marker, a gap above it, where there is room', () => {
    const p = layout({ rect: pin(475, 400), labelRect: label() });
    expect(p).toMatchObject({ x: 500.5, y: 400 - LABEL_GAP, align: 'center', verticalAlign: 'bottom', hideOverlap: true });
  });

  it('slides a label by the left edge inside, still above its marker (the western incident, issue #15)', () => {
    const p = layout({ rect: pin(20, 400), labelRect: label() });
    const r = box(p, 400, 50);
    expect(r.x).toBe(LABEL_EDGE_MARGIN);
    expect(inside(r)).toBe(true);
    // Still over its marker: the pin is under the label's left part.
    expect(r.x).toBeLessThanOrEqual(20);
    expect(r.y + r.height).toBe(400 - LABEL_GAP);
  });

  it('slides a label by the right edge inside', () => {
    const r = box(layout({ rect: pin(960, 400), labelRect: label() }), 400, 50);
    expect(r.x + r.width).toBe(chart.width - LABEL_EDGE_MARGIN);
    expect(inside(r)).toBe(true);
  });

  it('puts the label under a marker at the top edge, where there is no room above', () => {
    const p = layout({ rect: pin(475, 30), labelRect: label() });
    expect(p).toMatchObject({ verticalAlign: 'top', y: 30 + 64 + LABEL_GAP });
    expect(inside(box(p, 400, 50))).toBe(true);
  });

  it('keeps a marker in a corner labelled inside on both axes', () => {
    expect(inside(box(layout({ rect: pin(0, 0), labelRect: label() }), 400, 50))).toBe(true);
  });

  it('reads only the label\'s size, not where the last layout left it: the same marker gets the same place on every redraw', () => {
    const first = layout({ rect: pin(20, 400), labelRect: label(400, 50, { x: -180, y: 300 }) });
    const moved = box(first, 400, 50);
    expect(layout({ rect: pin(20, 400), labelRect: label(400, 50, { x: moved.x, y: moved.y }) })).toEqual(first);
  });

  it('takes the label out of the chart with a marker out of it (a zoomed map: the place is not in view)', () => {
    const overlapsChart = (r: Rect) => r.x < chart.width && r.x + r.width > 0 && r.y < chart.height && r.y + r.height > 0;
    for (const [x, y] of [[-60, 400], [1010, 400], [475, -70], [475, 810]] as const) {
      expect(overlapsChart(box(layout({ rect: pin(x, y), labelRect: label() }), 400, 50)), `pin at ${x},${y}`).toBe(false);
    }
  });

  it('centres a label wider than the chart (it cannot fit; both ends lose alike)', () => {
    expect(layout({ rect: pin(20, 400), labelRect: label(1200) }).x).toBe(chart.width / 2);
  });
});
