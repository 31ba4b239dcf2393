/**
 * Where the one-map's legend stands, so that it never lies on the places it names nor on the
 * forward-post clocks floating on the map (the map is drawn in what is left):
 * - no clocks: bottom-right, the map drawn beside it — unless the legend would take most of the map's
 *   width (the 16:9 wall, where the defence panel narrows the map): then a band across the bottom, in
 *   columns, the map drawn above it at full width;
 * - clocks, and room beside them: top-right level with them, the map drawn below both at full width;
 * - clocks in a narrow map (the wall's three-column layout): bottom-right below the clocks in two
 *   columns, the map drawn below the clocks and beside the legend.
 */
export type LegendPlace = 'bottom-right' | 'bottom-band' | 'beside-clocks' | 'below-clocks';

export interface LegendPlacementInput {
  mapWidth: number;
  /** The clocks' right edge and bottom (native px from the map's left and top), or null without clocks. */
  clocks: { right: number; bottom: number } | null;
  /** The legend's width as one column (as last measured). */
  legendWidth: number;
  /** Space kept between the legend and the clocks, and from the map's edge. */
  gap: number;
  margin: number;
}

/** Beside the legend the map keeps at least this share of its width, or the legend goes to a band below. */
export const MIN_MAP_SHARE_BESIDE_LEGEND = 0.6;

export function legendPlace(input: LegendPlacementInput): LegendPlace {
  if (!input.clocks) {
    const besideLegend = input.mapWidth - input.legendWidth - input.margin - input.gap;
    return besideLegend >= input.mapWidth * MIN_MAP_SHARE_BESIDE_LEGEND ? 'bottom-right' : 'bottom-band';
  }
  return input.clocks.right + input.gap + input.legendWidth + input.margin <= input.mapWidth ? 'beside-clocks' : 'below-clocks';
}
