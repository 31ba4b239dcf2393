// One geometry module: distances on the sphere and which district a point lies in.
export { EARTH_RADIUS_KM, distanceKm } from './distance.ts';
export { districtAt, indexDistricts, type DistrictLocator } from './point-in-polygon.ts';
