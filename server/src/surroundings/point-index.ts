import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { EARTH_RADIUS_KM, distanceKm } from '@beacon/shared';

/**
 * Relative slack when a search is widened to "as far as the last one": geokdbush's search and the
 * shared `distanceKm` compute the same haversine in a different order, so they can disagree in the last bits.
 */
const SLACK = 1e-9;

/**
 * A static spatial index over points with lon/lat: kdbush (a packed k-d tree) for the boxes,
 * geokdbush for nearest-first search on the sphere. It answers *candidates*: a superset of what
 * the shared `surroundingsOf` picks, which then measures and sorts them exactly the way a linear
 * scan would, so the index can never change an answer, only make it cheaper.
 */
export class PointIndex<P extends { lon: number; lat: number }> {
  readonly points: readonly P[];
  readonly #tree: KDBush;

  constructor(points: readonly P[]) {
    this.points = points;
    // nodeSize 16: smaller leaves than the default 64 make nearest-N queries cheaper, at a little build time.
    this.#tree = new KDBush(points.length, 16);
    for (const p of points) this.#tree.add(p.lon, p.lat);
    this.#tree.finish();
  }

  get size(): number {
    return this.points.length;
  }

  /**
   * The `n` nearest points that pass `keep`, plus every other that is as far as the n-th: with
   * points at equal distance (teams at one base) which of them is n-th is for the caller to decide.
   */
  nearest(lon: number, lat: number, n: number, keep?: (p: P) => boolean): P[] {
    if (n <= 0 || this.size === 0) return [];
    const predicate = keep ? (i: number) => keep(this.points[i]!) : undefined;
    const ids = around(this.#tree, lon, lat, n, Infinity, predicate);
    if (ids.length < n) return ids.map((i) => this.points[i]!);
    const last = this.points[ids.at(-1)!]!;
    const farthestKm = distanceKm(lon, lat, last.lon, last.lat);
    return this.#pick(around(this.#tree, lon, lat, Infinity, farthestKm * (1 + SLACK) + SLACK, predicate));
  }

  /** How many points lie within `km` (a hair more, never less). */
  countWithinKm(lon: number, lat: number, km: number): number {
    if (this.size === 0) return 0;
    return around(this.#tree, lon, lat, Infinity, km * (1 + SLACK) + SLACK).length;
  }

  /**
   * Every point in the lon/lat box around a spherical cap of radius `km`, unsorted: cheaper than a
   * nearest-first search when order does not matter (summing people), and the caller filters by exact distance.
   */
  inBoxAroundKm(lon: number, lat: number, km: number): P[] {
    if (this.size === 0) return [];
    const angle = km / EARTH_RADIUS_KM;
    const dLat = (angle * 180) / Math.PI;
    const cosLat = Math.cos((lat * Math.PI) / 180);
    // The longitude half-width of a spherical cap: asin(sin(angle) / cos(lat)); the whole circle near a pole.
    const s = Math.sin(angle) / cosLat;
    const dLon = s >= 1 ? 180 : (Math.asin(s) * 180) / Math.PI;
    const pad = 1 + 1e-6;
    const ids = this.#tree.range(lon - dLon * pad, lat - dLat * pad, lon + dLon * pad, lat + dLat * pad);
    return this.#pick(ids);
  }

  #pick(ids: readonly number[]): P[] {
    const out = new Array<P>(ids.length);
    for (let k = 0; k < ids.length; k++) out[k] = this.points[ids[k]!]!;
    return out;
  }
}
