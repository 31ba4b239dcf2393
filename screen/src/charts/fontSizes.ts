/**
 * Every `fontSize` anywhere in an ECharts option tree (labels, axis labels, rich text). Canvas text is
 * invisible to the DOM legibility test, so option builders are checked with this instead.
 */
export function fontSizesIn(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) node.forEach((n) => fontSizesIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'fontSize' && typeof v === 'number') out.push(v);
      else fontSizesIn(v, out);
    }
  }
  return out;
}
