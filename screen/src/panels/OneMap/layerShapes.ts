/**
 * Marker shapes of the category layers, each one polygon in a 100×100 box, so the map's marker
 * (an ECharts `path://`) and the legend's swatch (a CSS clip-path) are drawn from the same points and
 * cannot disagree. Shape tells the kind of thing (also to the colour-blind), colour its state.
 */
export const LAYER_SHAPES = {
  square: [[0, 0], [100, 0], [100, 100], [0, 100]],
  hexagon: [[25, 0], [75, 0], [100, 50], [75, 100], [25, 100], [0, 50]],
  octagon: [[30, 0], [70, 0], [100, 30], [100, 70], [70, 100], [30, 100], [0, 70], [0, 30]],
  pentagon: [[50, 0], [100, 38], [81, 100], [19, 100], [0, 38]],
  shield: [[0, 0], [100, 0], [100, 60], [50, 100], [0, 60]],
  'triangle-down': [[0, 0], [100, 0], [50, 100]],
  diamond: [[50, 0], [100, 50], [50, 100], [0, 50]],
  cross: [[33, 0], [67, 0], [67, 33], [100, 33], [100, 67], [67, 67], [67, 100], [33, 100], [33, 67], [0, 67], [0, 33], [33, 33]],
  x: [[20, 0], [50, 30], [80, 0], [100, 20], [70, 50], [100, 80], [80, 100], [50, 70], [20, 100], [0, 80], [30, 50], [0, 20]],
  star: [[50, 0], [61, 35], [98, 35], [68, 57], [79, 91], [50, 70], [21, 91], [32, 57], [2, 35], [39, 35]],
  bolt: [[60, 0], [10, 58], [45, 58], [35, 100], [90, 40], [55, 40]],
  bar: [[0, 28], [100, 28], [100, 72], [0, 72]],
  // A circle is ECharts' own and the swatch's border-radius: no polygon.
  circle: [],
} as const satisfies Record<string, readonly (readonly [number, number])[]>;

export type LayerShape = keyof typeof LAYER_SHAPES;

/** The ECharts symbol of a shape. */
export function echartsSymbol(shape: LayerShape): string {
  const pts = LAYER_SHAPES[shape];
  if (pts.length === 0) return 'circle';
  return `path://M${pts.map(([x, y]) => `${x} ${y}`).join('L')}Z`;
}

/** The CSS clip-path of a shape (none for a circle, drawn by border-radius). */
export function cssClipPath(shape: LayerShape): string | undefined {
  const pts = LAYER_SHAPES[shape];
  if (pts.length === 0) return undefined;
  return `polygon(${pts.map(([x, y]) => `${x}% ${y}%`).join(', ')})`;
}
