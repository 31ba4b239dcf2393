/**
 * Where a marker's label goes: above its marker, but always whole inside the chart. ECharts places a
 * `position: 'top'` label centred over its marker whatever the chart's edge, so an incident near the
 * map's left edge lost the start of its title to the canvas edge (issue #15).
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What ECharts passes a series' `labelLayout` callback (the part read here). */
export interface LabelLayoutParams {
  /** The marker's box, in chart px. */
  rect: Rect;
  /** The label's box as ECharts laid it out (only its size is read: see below). */
  labelRect: Rect;
}

export interface LabelPlacement {
  x: number;
  y: number;
  align: 'center';
  verticalAlign: 'bottom' | 'top';
  hideOverlap: true;
}

/** Space kept between a label and the chart's edge. */
export const LABEL_EDGE_MARGIN = 12;
/** Space between a label and its marker. */
export const LABEL_GAP = 10;

/**
 * The `labelLayout` callback for a chart of `area` (native px): the label centred over its marker,
 * slid sideways just enough to stay inside, and put below the marker when there is no room above it.
 * A marker out of the chart (a zoomed map shows part of the city) takes its label out with it: slid
 * inside, the label would name a place that is not in view. Only the marker's box and the label's size
 * are read, never the label's position: ECharts hands the callback the label where the previous layout
 * left it, and a placement computed from that would alternate between two positions on redraws.
 */
export function labelInside(area: { width: number; height: number }, margin = LABEL_EDGE_MARGIN, gap = LABEL_GAP) {
  return (p: LabelLayoutParams): LabelPlacement => {
    const { width: w, height: h } = p.labelRect;
    const centre = p.rect.x + p.rect.width / 2;
    const middle = p.rect.y + p.rect.height / 2;
    // The layout option has no "hide": beyond the chart's top-left corner it is drawn nowhere.
    if (centre < 0 || centre > area.width || middle < 0 || middle > area.height) {
      return { x: -(w + area.width), y: -(h + area.height), align: 'center', verticalAlign: 'bottom', hideOverlap: true };
    }
    const lo = margin + w / 2;
    const hi = area.width - margin - w / 2;
    // A label wider than the chart cannot fit: centred, it loses its two ends evenly.
    const x = lo > hi ? area.width / 2 : Math.min(hi, Math.max(lo, centre));
    const above = p.rect.y - gap - h >= margin;
    return above
      ? { x, y: p.rect.y - gap, align: 'center', verticalAlign: 'bottom', hideOverlap: true }
      : { x, y: p.rect.y + p.rect.height + gap, align: 'center', verticalAlign: 'top', hideOverlap: true };
  };
}
