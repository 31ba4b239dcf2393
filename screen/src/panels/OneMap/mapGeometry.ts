import type { Region } from '@beacon/shared';

export interface Bounds {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
}

// A region's outline does not change: its bounds and aspect are measured once per region object. Every
// redraw asks (the focus, the population cells' size), and each walk of the outlines took ~7 ms.
const boundsOf = new WeakMap<Region, Bounds>();
const aspectOf = new WeakMap<Region, number>();

export function regionBounds(region: Region): Bounds {
  const known = boundsOf.get(region);
  if (known) return { ...known };
  const b = measureBounds(region);
  boundsOf.set(region, b);
  return { ...b };
}

function measureBounds(region: Region): Bounds {
  const b: Bounds = { lonMin: Infinity, lonMax: -Infinity, latMin: Infinity, latMax: -Infinity };
  const visit = (ring: number[][]) => {
    for (const [lon, lat] of ring) {
      if (lon === undefined || lat === undefined) continue;
      b.lonMin = Math.min(b.lonMin, lon);
      b.lonMax = Math.max(b.lonMax, lon);
      b.latMin = Math.min(b.latMin, lat);
      b.latMax = Math.max(b.latMax, lat);
    }
  };
  for (const f of region.districts.features) {
    if (f.geometry.type === 'Polygon') f.geometry.coordinates.forEach(visit);
    else f.geometry.coordinates.forEach((poly) => poly.forEach(visit));
  }
  return b;
}

/** The middle of the region's districts: "distance to Xiamen" is measured from here. */
export function regionCentre(region: Region): [number, number] {
  const cs = region.districts.features.map((f) => f.properties.center);
  return [cs.reduce((s, c) => s + c[0], 0) / cs.length, cs.reduce((s, c) => s + c[1], 0) / cs.length];
}

/**
 * Pixels per km on the map as ECharts lays the geo out: the region's box fitted into the chart box
 * less its padding, longitude shrunk by aspectScale. Used to size population cells to their ground size.
 */
export function pixelsPerKm(region: Region, box: { width: number; height: number }, padding: number): number {
  const b = regionBounds(region);
  const aspect = regionAspectScale(region);
  const w = Math.max(1, box.width - 2 * padding);
  const h = Math.max(1, box.height - 2 * padding);
  const pxPerDegLat = Math.min(w / ((b.lonMax - b.lonMin) * aspect), h / (b.latMax - b.latMin));
  return pxPerDegLat / 111.32;
}

/**
 * ECharts draws lon/lat as if a degree of longitude were as long as a degree of latitude,
 * times `aspectScale`; cos(latitude) of the region's middle keeps its shape true.
 */
export function regionAspectScale(region: Region): number {
  let known = aspectOf.get(region);
  if (known === undefined) aspectOf.set(region, (known = measureAspectScale(region)));
  return known;
}

function measureAspectScale(region: Region): number {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (ring: number[][]) => {
    for (const [, lat] of ring) {
      if (lat === undefined) continue;
      lo = Math.min(lo, lat);
      hi = Math.max(hi, lat);
    }
  };
  for (const f of region.districts.features) {
    if (f.geometry.type === 'Polygon') f.geometry.coordinates.forEach(visit);
    else f.geometry.coordinates.forEach((poly) => poly.forEach(visit));
  }
  if (!Number.isFinite(lo)) return 0.75;
  return Math.cos((((lo + hi) / 2) * Math.PI) / 180);
}
